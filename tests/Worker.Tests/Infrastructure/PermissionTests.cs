using System.Text.Json;

namespace Worker.Tests.Infrastructure;

[Collection(WorkerTemplateCollection.Name)]
public sealed class PermissionTests(WorkerTemplateFixture fixture)
{
    [Theory]
    [InlineData("getMultiple", new string[0])]
    [InlineData("sideEffect", new string[0])]
    [InlineData("failureRelay", new string[0])]
    [InlineData("processSingle", new[] { "s3:GetObject", "s3:PutObject", "s3:PutObjectTagging" })]
    [InlineData("postProcessSingle", new[] { "s3:PutObject", "s3:PutObjectTagging" })]
    [InlineData("postProcessAll", new[] { "s3:GetObject", "s3:ListBucket", "s3:PutObject" })]
    public void Function_has_exactly_its_bucket_actions(string handler, string[] expected)
    {
        var s3Actions = fixture.DevJson.StatementsOfFunction(handler)
            .SelectMany(s => TemplateJson.Strings(s.GetProperty("Action")))
            .Where(a => a.StartsWith("s3:", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

        Assert.Equal(expected, s3Actions);
    }

    [Fact]
    public void Bucket_object_actions_apply_to_objects_and_listing_to_the_bucket_only()
    {
        var statements = fixture.DevJson.StatementsOfFunction("postProcessAll");

        var objects = statements.Single(s => TemplateJson.Strings(s.GetProperty("Action")).Contains("s3:GetObject"));
        Assert.EndsWith("\"/*\"]]}", TemplateJson.Text(objects.GetProperty("Resource")));
        var listing = statements.Single(s => TemplateJson.Strings(s.GetProperty("Action")).Contains("s3:ListBucket"));
        Assert.Equal(["s3:ListBucket"], TemplateJson.Strings(listing.GetProperty("Action")));
        Assert.StartsWith("{\"Fn::GetAtt\":[\"StorageBucket", TemplateJson.Text(listing.GetProperty("Resource")));
    }

    [Theory]
    [MemberData(nameof(FunctionTests.Handlers), MemberType = typeof(FunctionTests))]
    public void Function_may_put_events_on_this_bus_only(string handler)
    {
        var putEvents = fixture.DevJson.StatementsOfFunction(handler)
            .Where(s => TemplateJson.Strings(s.GetProperty("Action")).Contains("events:PutEvents"))
            .ToList();

        Assert.NotEmpty(putEvents);
        Assert.All(putEvents, s => Assert.Equal(WorkerTemplateFixture.WorkerBusArn, TemplateJson.Text(s.GetProperty("Resource"))));
    }

    [Theory]
    [MemberData(nameof(FunctionTests.Handlers), MemberType = typeof(FunctionTests))]
    public void Function_writes_logs_only_to_its_own_log_group(string handler)
    {
        var (_, properties) = fixture.DevJson.FunctionByHandler(handler);
        var logGroup = properties.GetProperty("LoggingConfig").GetProperty("LogGroup").GetProperty("Ref").GetString();

        var logs = fixture.DevJson.StatementsOfFunction(handler)
            .Where(s => TemplateJson.Strings(s.GetProperty("Action")).Any(a => a.StartsWith("logs:", StringComparison.Ordinal)))
            .ToList();

        var statement = Assert.Single(logs);
        Assert.Equal($$"""{"Fn::GetAtt":["{{logGroup}}","Arn"]}""", TemplateJson.Text(statement.GetProperty("Resource")));
        var role = properties.GetProperty("Role").GetProperty("Fn::GetAtt")[0].GetString()!;
        Assert.False(fixture.DevJson.Resource(role).GetProperty("Properties").TryGetProperty("ManagedPolicyArns", out _));
    }

    [Fact]
    public void No_allow_statement_grants_a_wildcard_action_or_every_resource()
    {
        var allows = fixture.DevJson.Resources("AWS::IAM::Policy")
            .SelectMany(p => p.Resource.GetProperty("Properties").GetProperty("PolicyDocument").GetProperty("Statement").EnumerateArray())
            .Where(s => s.GetProperty("Effect").GetString() == "Allow")
            .ToList();

        Assert.NotEmpty(allows);
        Assert.All(allows, s => Assert.DoesNotContain(
            TemplateJson.Strings(s.GetProperty("Action")),
            a => a == "*" || a.EndsWith(":*", StringComparison.Ordinal)));
        Assert.DoesNotContain(allows, GrantsEveryResource);
    }

    private static bool GrantsEveryResource(JsonElement statement)
    {
        var resource = statement.GetProperty("Resource");
        IEnumerable<JsonElement> values = resource.ValueKind == JsonValueKind.Array ? resource.EnumerateArray() : [resource];
        return values.Any(v => v.ValueKind == JsonValueKind.String && v.GetString() == "*");
    }
}
