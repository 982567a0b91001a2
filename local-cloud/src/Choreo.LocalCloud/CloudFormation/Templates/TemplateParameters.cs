using System.Text.Json;
using System.Text.Json.Nodes;
using Choreo.LocalCloud.CloudFormation.Deployment;

namespace Choreo.LocalCloud.CloudFormation.Templates;

/// <summary>
/// Gives each declared parameter its value: the deploy's override, else its Default; SSM-typed parameters
/// look their value up by name; list types become lists. AllowedValues are checked as CloudFormation does.
/// </summary>
public static class TemplateParameters
{
    private const string SsmTypePrefix = "AWS::SSM::Parameter::Value<";

    public static IReadOnlyDictionary<string, JsonNode> Resolve(JsonObject? declared, DeployOptions options)
    {
        var values = new Dictionary<string, JsonNode>(StringComparer.Ordinal);
        var declaredNames = new HashSet<string>(StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (var (name, node) in declared ?? [])
        {
            declaredNames.Add(name);
            if (node is not JsonObject definition)
            {
                throw new TemplateException($"Template format error: parameter '{name}' must be an object");
            }

            var type = Text(definition["Type"]) ?? throw new TemplateException(
                $"Template format error: parameter '{name}' has no Type");
            string? raw = options.Parameters.TryGetValue(name, out var given) ? given : Text(definition["Default"]);
            if (raw is null)
            {
                missing.Add(name);
                continue;
            }

            if (type.StartsWith(SsmTypePrefix, StringComparison.Ordinal))
            {
                raw = SsmValue(name, raw, options);
                type = type[SsmTypePrefix.Length..^1];
            }

            CheckAllowedValues(name, raw, definition["AllowedValues"]);
            values[name] = IsListType(type)
                ? new JsonArray(raw.Split(',').Select(s => (JsonNode?)JsonValue.Create(s.Trim())).ToArray())
                : JsonValue.Create(raw);
        }

        if (missing.Count > 0)
        {
            throw new TemplateException($"Parameters: [{string.Join(", ", missing)}] must have values");
        }

        var unknown = options.Parameters.Keys.Where(k => !declaredNames.Contains(k)).ToList();
        if (unknown.Count > 0)
        {
            throw new TemplateException($"Parameters: [{string.Join(", ", unknown)}] do not exist in the template");
        }

        return values;
    }

    private static string SsmValue(string parameter, string ssmName, DeployOptions options)
    {
        if (options.SsmParameters.TryGetValue(ssmName, out var value))
        {
            return value;
        }

        if (ssmName.StartsWith("/cdk-bootstrap/", StringComparison.Ordinal) && ssmName.EndsWith("/version", StringComparison.Ordinal))
        {
            return options.BootstrapVersion;
        }

        throw new TemplateException(
            $"Parameters: [{parameter}] names SSM parameter '{ssmName}', which has no configured value (DeployOptions.SsmParameters)");
    }

    private static void CheckAllowedValues(string name, string value, JsonNode? allowed)
    {
        if (allowed is JsonArray list && !list.Any(item => Text(item) == value))
        {
            throw new TemplateException($"Parameter '{name}' must be one of AllowedValues");
        }
    }

    private static bool IsListType(string type) =>
        type == "CommaDelimitedList" || type.StartsWith("List<", StringComparison.Ordinal);

    private static string? Text(JsonNode? node) => node switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => v.ToJsonString(),
        JsonValue v when v.GetValueKind() == JsonValueKind.True => "true",
        JsonValue v when v.GetValueKind() == JsonValueKind.False => "false",
        JsonArray a => string.Join(",", a.Select(Text)),
        _ => null,
    };
}
