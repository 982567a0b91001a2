using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Choreo.LocalCloud.EventBridge.Model;

namespace Choreo.LocalCloud.EventBridge.Delivery;

/// <summary>
/// What a target receives: the constant Input, the part of the event at InputPath, the InputTransformer's template
/// filled in, or else the whole event. In a template, <c>&lt;var&gt;</c> inside a JSON string takes a string's
/// characters (escaped so the result stays JSON); outside quotes it takes the JSON value (<c>null</c> when the path
/// is missing). Reserved variables: <c>aws.events.rule-arn</c>, <c>aws.events.rule-name</c>,
/// <c>aws.events.event.ingestion-time</c>, <c>aws.events.event</c> and <c>aws.events.event.json</c>.
/// </summary>
public static class TargetInputRenderer
{
    public static string Render(RuleTarget target, IngestedEvent ingested, string ruleName, string ruleArn)
    {
        if (target.Input is not null)
        {
            return target.Input;
        }
        var root = JsonNode.Parse(ingested.Json);
        if (target.InputPath is not null)
        {
            return JsonPathSelector.TrySelect(root, target.InputPath, out var selected) && selected is not null
                ? selected.ToJsonString(EventJson.WriteOptions)
                : "null";
        }
        if (target.InputTransformer is not { } transformer)
        {
            return ingested.Json;
        }
        var values = new Dictionary<string, JsonNode?>(StringComparer.Ordinal)
        {
            ["aws.events.rule-arn"] = ruleArn,
            ["aws.events.rule-name"] = ruleName,
            ["aws.events.event.ingestion-time"] = ingested.IngestedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            ["aws.events.event"] = root?.DeepClone(),
            ["aws.events.event.json"] = root?.DeepClone(),
        };
        var missing = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, path) in transformer.InputPathsMap)
        {
            if (JsonPathSelector.TrySelect(root, path, out var selected))
            {
                values[name] = selected?.DeepClone();
            }
            else
            {
                missing.Add(name);
            }
        }
        return Fill(transformer.InputTemplate, values, missing);
    }

    private static string Fill(string template, Dictionary<string, JsonNode?> values, HashSet<string> missing)
    {
        var output = new StringBuilder(template.Length);
        var inString = false;
        for (var position = 0; position < template.Length; position++)
        {
            var character = template[position];
            if (character == '\\' && inString && position + 1 < template.Length)
            {
                output.Append(character).Append(template[++position]);
                continue;
            }
            if (character == '"')
            {
                inString = !inString;
            }
            if (character == '<')
            {
                var close = template.IndexOf('>', position + 1);
                var name = close > position ? template[(position + 1)..close] : null;
                if (name is not null && (values.ContainsKey(name) || missing.Contains(name)))
                {
                    output.Append(Substitute(values.GetValueOrDefault(name), inString));
                    position = close;
                    continue;
                }
            }
            output.Append(character);
        }
        return output.ToString();
    }

    private static string Substitute(JsonNode? value, bool insideQuotes)
    {
        if (!insideQuotes)
        {
            return value?.ToJsonString(EventJson.WriteOptions) ?? "null";
        }
        if (value is null)
        {
            return "";
        }
        var text = value is JsonValue scalar && scalar.TryGetValue<string>(out var s) ? s : value.ToJsonString(EventJson.WriteOptions);
        var quoted = JsonValue.Create(text).ToJsonString(EventJson.WriteOptions);
        return quoted[1..^1];
    }
}
