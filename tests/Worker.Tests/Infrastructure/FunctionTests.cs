using Choreo.Contracts;

namespace Worker.Tests.Infrastructure;

[Collection(WorkerTemplateCollection.Name)]
public sealed class FunctionTests(WorkerTemplateFixture fixture)
{
    public static TheoryData<string> Handlers =>
        ["getMultiple", "processSingle", "postProcessSingle", "sideEffect", "postProcessAll", "failureRelay"];

    [Fact]
    public void Six_functions_run_the_one_bootstrap_asset()
    {
        var functions = fixture.DevJson.Resources("AWS::Lambda::Function")
            .Select(f => f.Resource.GetProperty("Properties"))
            .Where(p => p.GetProperty("Runtime").GetString() == "provided.al2023")
            .ToList();

        Assert.Equal(6, functions.Count);
        Assert.Single(functions.Select(p => TemplateJson.Text(p.GetProperty("Code"))).Distinct());
    }

    [Theory]
    [MemberData(nameof(Handlers))]
    public void Function_selects_its_handler_on_provided_al2023_x86_64(string handler)
    {
        var (_, properties) = fixture.DevJson.FunctionByHandler(handler);

        Assert.Equal("provided.al2023", properties.GetProperty("Runtime").GetString());
        Assert.Equal(["x86_64"], TemplateJson.Strings(properties.GetProperty("Architectures")));
        Assert.Equal(256, properties.GetProperty("MemorySize").GetDouble());
    }

    [Theory]
    [InlineData("getMultiple", 30)]
    [InlineData("processSingle", 30)]
    [InlineData("postProcessSingle", 30)]
    [InlineData("sideEffect", 30)]
    [InlineData("postProcessAll", 120)]
    [InlineData("failureRelay", 30)]
    public void Function_has_its_timeout(string handler, int seconds)
    {
        Assert.Equal(seconds, fixture.DevJson.FunctionByHandler(handler).Properties.GetProperty("Timeout").GetDouble());
    }

    [Theory]
    [MemberData(nameof(Handlers))]
    public void Function_logs_to_its_own_group_kept_one_week(string handler)
    {
        var logGroup = fixture.DevJson.FunctionByHandler(handler).Properties
            .GetProperty("LoggingConfig").GetProperty("LogGroup").GetProperty("Ref").GetString()!;

        var resource = fixture.DevJson.Resource(logGroup);
        Assert.Equal("AWS::Logs::LogGroup", resource.GetProperty("Type").GetString());
        Assert.Equal(7, resource.GetProperty("Properties").GetProperty("RetentionInDays").GetDouble());
    }

    [Fact]
    public void No_log_retention_custom_resource_is_created()
    {
        fixture.Dev.ResourceCountIs("Custom::LogRetention", 0);
    }

    [Theory]
    [MemberData(nameof(Handlers))]
    public void Function_puts_events_on_this_bus_as_the_worker(string handler)
    {
        var variables = fixture.DevJson.FunctionByHandler(handler).Properties.GetProperty("Environment").GetProperty("Variables");

        Assert.Equal("default", variables.GetProperty("EVENT_BUS").GetString());
        Assert.Equal(Sources.Worker, variables.GetProperty("EVENT_SOURCE").GetString());
    }

    [Theory]
    [InlineData("getMultiple", false)]
    [InlineData("processSingle", true)]
    [InlineData("postProcessSingle", true)]
    [InlineData("sideEffect", false)]
    [InlineData("postProcessAll", true)]
    [InlineData("failureRelay", false)]
    public void Only_functions_with_bucket_access_are_told_the_bucket(string handler, bool toldBucket)
    {
        var variables = fixture.DevJson.FunctionByHandler(handler).Properties.GetProperty("Environment").GetProperty("Variables");

        Assert.Equal(toldBucket, variables.TryGetProperty("BUCKET", out _));
    }
}
