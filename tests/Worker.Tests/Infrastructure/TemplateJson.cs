using System.Text.Json;
using Amazon.CDK.Assertions;

namespace Worker.Tests.Infrastructure;

/// <summary>Read-only queries over a synthesized template, for checks the CDK matchers cannot express.</summary>
public sealed class TemplateJson(JsonElement root)
{
    public JsonElement Root { get; } = root;

    public static TemplateJson Of(Template template) =>
        new(JsonDocument.Parse(Newtonsoft.Json.JsonConvert.SerializeObject(template.ToJSON())).RootElement.Clone());

    public IEnumerable<(string Id, JsonElement Resource)> Resources(string type) =>
        Root.GetProperty("Resources").EnumerateObject()
            .Where(r => r.Value.GetProperty("Type").GetString() == type)
            .Select(r => (r.Name, r.Value));

    public JsonElement Resource(string logicalId) => Root.GetProperty("Resources").GetProperty(logicalId);

    /// <summary>The properties of the Lambda function whose Handler (the _HANDLER value) is <paramref name="handler"/>.</summary>
    public (string Id, JsonElement Properties) FunctionByHandler(string handler)
    {
        var matches = Resources("AWS::Lambda::Function")
            .Where(f => f.Resource.GetProperty("Properties").TryGetProperty("Handler", out var h) && h.GetString() == handler)
            .ToList();
        Assert.Single(matches);
        return (matches[0].Id, matches[0].Resource.GetProperty("Properties"));
    }

    /// <summary>Every statement of every inline policy attached to the role the function runs as.</summary>
    public IReadOnlyList<JsonElement> StatementsOfFunction(string handler)
    {
        var role = FunctionByHandler(handler).Properties.GetProperty("Role").GetProperty("Fn::GetAtt")[0].GetString();
        return StatementsOfRole(role!);
    }

    public IReadOnlyList<JsonElement> StatementsOfRole(string roleLogicalId) =>
        Resources("AWS::IAM::Policy")
            .Where(p => p.Resource.GetProperty("Properties").GetProperty("Roles").EnumerateArray()
                .Any(r => r.TryGetProperty("Ref", out var id) && id.GetString() == roleLogicalId))
            .SelectMany(p => p.Resource.GetProperty("Properties").GetProperty("PolicyDocument").GetProperty("Statement").EnumerateArray())
            .ToList();

    /// <summary>The rules whose first target is the given resource (by its GetAtt Arn).</summary>
    public IReadOnlyList<JsonElement> RulesTargeting(string logicalId) =>
        Resources("AWS::Events::Rule")
            .Select(r => r.Resource.GetProperty("Properties"))
            .Where(p => p.GetProperty("Targets").EnumerateArray().Any(t =>
                t.GetProperty("Arn").TryGetProperty("Fn::GetAtt", out var arn) && arn[0].GetString() == logicalId))
            .ToList();

    /// <summary>A string or an array of strings, as IAM and event patterns allow both.</summary>
    public static IReadOnlyList<string> Strings(JsonElement value) => value.ValueKind == JsonValueKind.Array
        ? value.EnumerateArray().Select(v => v.GetString()!).ToList()
        : [value.GetString()!];

    /// <summary>The JSON text of a value, for comparing intrinsic functions such as Fn::Join.</summary>
    public static string Text(JsonElement value) => JsonSerializer.Serialize(value);
}
