using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Choreo.LocalCloud.CloudFormation.Templates;

namespace Choreo.LocalCloud.CloudFormation.Intrinsics;

/// <summary>
/// Replaces CloudFormation intrinsic functions in a template fragment with their values. Fn::If evaluates
/// only the chosen branch, and <c>Ref: AWS::NoValue</c> removes the property or list element it stands in.
/// The result is a fresh tree: the template is never modified.
/// </summary>
public sealed class IntrinsicResolver(IReferenceScope scope, JsonObject? mappings)
{
    public const string NoValue = "AWS::NoValue";

    /// <summary>Resolves <paramref name="node"/>; a value that is entirely <c>AWS::NoValue</c> becomes null.</summary>
    public JsonNode? Resolve(JsonNode? node, string location) =>
        TryResolve(node, location, out var value) ? value : null;

    /// <summary>Resolves <paramref name="node"/> to a string (numbers and booleans are written as text).</summary>
    public string ResolveString(JsonNode? node, string location) =>
        AsText(Resolve(node, location), location);

    /// <summary>True when <paramref name="obj"/> is an intrinsic call: one key, <c>Ref</c> or <c>Fn::*</c>.</summary>
    public static bool IsIntrinsic(JsonObject obj, out string function, out JsonNode? argument)
    {
        function = "";
        argument = null;
        if (obj.Count != 1)
        {
            return false;
        }

        var (key, value) = obj.First();
        if (key != "Ref" && !key.StartsWith("Fn::", StringComparison.Ordinal))
        {
            return false;
        }

        function = key;
        argument = value;
        return true;
    }

    public static string AsText(JsonNode? value, string location)
    {
        if (value is JsonValue scalar)
        {
            switch (scalar.GetValueKind())
            {
                case JsonValueKind.String:
                    return scalar.GetValue<string>();
                case JsonValueKind.Number:
                    return scalar.ToJsonString();
                case JsonValueKind.True:
                    return "true";
                case JsonValueKind.False:
                    return "false";
            }
        }

        var shown = value is null ? "nothing" : value.GetValueKind() switch
        {
            JsonValueKind.Array => "a list",
            JsonValueKind.Object => "an object",
            _ => "null",
        };
        throw new TemplateException($"Template error at {location}: expected a string but the value is {shown}");
    }

    public bool TryResolve(JsonNode? node, string location, out JsonNode? value)
    {
        switch (node)
        {
            case null:
                value = null;
                return true;
            case JsonValue scalar:
                value = scalar.DeepClone();
                return true;
            case JsonArray array:
            {
                var result = new JsonArray();
                for (var i = 0; i < array.Count; i++)
                {
                    if (TryResolve(array[i], $"{location}[{i}]", out var element))
                    {
                        result.Add(element);
                    }
                }

                value = result;
                return true;
            }

            case JsonObject obj when IsIntrinsic(obj, out var function, out var argument):
                return TryResolveFunction(function, argument, $"{location}.{function}", out value);
            case JsonObject obj:
            {
                var result = new JsonObject();
                foreach (var (key, child) in obj)
                {
                    if (TryResolve(child, $"{location}.{key}", out var resolved))
                    {
                        result[key] = resolved;
                    }
                }

                value = result;
                return true;
            }

            default:
                throw new TemplateException($"Template error at {location}: unsupported JSON value");
        }
    }

    private bool TryResolveFunction(string function, JsonNode? argument, string at, out JsonNode? value)
    {
        value = null;
        switch (function)
        {
            case "Ref":
            {
                var name = LiteralString(argument, at, "Ref takes the name of a parameter or resource");
                if (name == NoValue)
                {
                    return false;
                }

                value = scope.ResolveRef(name, at).DeepClone();
                return true;
            }

            case "Fn::GetAtt":
                value = GetAtt(argument, at).DeepClone();
                return true;
            case "Fn::Join":
                value = Join(argument, at);
                return true;
            case "Fn::Sub":
                value = Sub(argument, at);
                return true;
            case "Fn::Select":
                value = Select(argument, at);
                return true;
            case "Fn::Split":
            {
                var args = Arguments(argument, at, 2, "Fn::Split takes [delimiter, source string]");
                var delimiter = LiteralString(args[0], at, "the Fn::Split delimiter must be a string");
                var source = ResolveString(args[1], at);
                value = new JsonArray(source.Split(delimiter).Select(s => (JsonNode?)JsonValue.Create(s)).ToArray());
                return true;
            }

            case "Fn::If":
            {
                var args = Arguments(argument, at, 3, "Fn::If takes [condition name, value if true, value if false]");
                var condition = LiteralString(args[0], at, "the Fn::If condition must be a condition name");
                var chosen = scope.IsConditionTrue(condition, at) ? args[1] : args[2];
                return TryResolve(chosen, at, out value);
            }

            case "Fn::Base64":
                value = Convert.ToBase64String(Encoding.UTF8.GetBytes(ResolveString(argument, at)));
                return true;
            case "Fn::GetAZs":
            {
                var region = ResolveString(argument, at);
                if (region.Length == 0)
                {
                    region = scope.Region;
                }

                value = new JsonArray(JsonValue.Create(region + "a"), JsonValue.Create(region + "b"), JsonValue.Create(region + "c"));
                return true;
            }

            case "Fn::ImportValue":
                value = scope.ImportValue(ResolveString(argument, at), at);
                return true;
            case "Fn::FindInMap":
                value = FindInMap(argument, at).DeepClone();
                return true;
            case "Fn::Equals" or "Fn::And" or "Fn::Or" or "Fn::Not":
                throw new TemplateException($"Template error at {at}: {function} is only allowed in Conditions (use Fn::If with a condition name)");
            default:
                throw new TemplateException($"Template error at {at}: unsupported intrinsic function {function}");
        }
    }

    private JsonNode GetAtt(JsonNode? argument, string at)
    {
        string logicalId;
        string attribute;
        if (argument is JsonValue dotted && dotted.GetValueKind() == JsonValueKind.String)
        {
            var text = dotted.GetValue<string>();
            var dot = text.IndexOf('.');
            if (dot <= 0 || dot == text.Length - 1)
            {
                throw new TemplateException($"Template error at {at}: Fn::GetAtt '{text}' must be 'LogicalId.Attribute'");
            }

            logicalId = text[..dot];
            attribute = text[(dot + 1)..];
        }
        else
        {
            var args = Arguments(argument, at, 2, "Fn::GetAtt takes [logical id, attribute name] or 'LogicalId.Attribute'");
            logicalId = LiteralString(args[0], at, "the Fn::GetAtt logical id must be a string");
            attribute = ResolveString(args[1], at);
        }

        return scope.ResolveGetAtt(logicalId, attribute, at);
    }

    private JsonNode Join(JsonNode? argument, string at)
    {
        var args = Arguments(argument, at, 2, "Fn::Join takes [delimiter, list of values]");
        var delimiter = LiteralString(args[0], at, "the Fn::Join delimiter must be a string");
        var list = ResolveList(args[1], at, "Fn::Join");
        return string.Join(delimiter, list.Select((item, i) => AsText(item, $"{at}[1][{i}]")));
    }

    private JsonNode Sub(JsonNode? argument, string at)
    {
        string text;
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        if (argument is JsonArray pair)
        {
            var args = Arguments(argument, at, 2, "Fn::Sub takes a string or [string, {variable: value}]");
            text = LiteralString(args[0], at, "the Fn::Sub template must be a string");
            if (pair[1] is not JsonObject map)
            {
                throw new TemplateException($"Template error at {at}: the Fn::Sub variable map must be an object");
            }

            foreach (var (name, node) in map)
            {
                variables[name] = ResolveString(node, $"{at}[1].{name}");
            }
        }
        else
        {
            text = LiteralString(argument, at, "Fn::Sub takes a string or [string, {variable: value}]");
        }

        var result = new StringBuilder();
        foreach (var part in SubstitutionTemplate.Parse(text, at).Parts)
        {
            if (!part.IsVariable)
            {
                result.Append(part.Text);
            }
            else if (variables.TryGetValue(part.Text, out var mapped))
            {
                result.Append(mapped);
            }
            else
            {
                var dot = part.Text.IndexOf('.');
                var resolved = dot > 0 && !part.Text.StartsWith("AWS::", StringComparison.Ordinal)
                    ? scope.ResolveGetAtt(part.Text[..dot], part.Text[(dot + 1)..], at)
                    : scope.ResolveRef(part.Text, at);
                result.Append(AsText(resolved, $"{at} ${{{part.Text}}}"));
            }
        }

        return result.ToString();
    }

    private JsonNode? Select(JsonNode? argument, string at)
    {
        var args = Arguments(argument, at, 2, "Fn::Select takes [index, list]");
        var indexText = ResolveString(args[0], at);
        if (!int.TryParse(indexText, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
        {
            throw new TemplateException($"Template error at {at}: Fn::Select index '{indexText}' is not a non-negative integer");
        }

        var list = ResolveList(args[1], at, "Fn::Select");
        if (index >= list.Count)
        {
            throw new TemplateException($"Template error at {at}: Fn::Select index {index} is out of range for a list of {list.Count}");
        }

        return list[index]?.DeepClone();
    }

    private JsonNode FindInMap(JsonNode? argument, string at)
    {
        var args = Arguments(argument, at, 3, "Fn::FindInMap takes [map name, top-level key, second-level key]");
        var mapName = ResolveString(args[0], at);
        var topKey = ResolveString(args[1], at);
        var secondKey = ResolveString(args[2], at);
        if (mappings?[mapName] is not JsonObject map)
        {
            throw new TemplateException($"Template error at {at}: Fn::FindInMap mapping '{mapName}' is not defined in Mappings");
        }

        if (map[topKey] is not JsonObject second)
        {
            throw new TemplateException($"Template error at {at}: Fn::FindInMap mapping '{mapName}' has no key '{topKey}'");
        }

        return second[secondKey] ?? throw new TemplateException(
            $"Template error at {at}: Fn::FindInMap mapping '{mapName}' key '{topKey}' has no key '{secondKey}'");
    }

    private JsonArray ResolveList(JsonNode? node, string at, string function)
    {
        var resolved = Resolve(node, at);
        return resolved as JsonArray
            ?? throw new TemplateException($"Template error at {at}: {function} needs a list");
    }

    private static JsonArray Arguments(JsonNode? argument, string at, int count, string usage)
    {
        if (argument is JsonArray args && args.Count == count)
        {
            return args;
        }

        throw new TemplateException($"Template error at {at}: {usage}");
    }

    private static string LiteralString(JsonNode? node, string at, string usage)
    {
        if (node is JsonValue value && value.GetValueKind() == JsonValueKind.String)
        {
            return value.GetValue<string>();
        }

        throw new TemplateException($"Template error at {at}: {usage}");
    }
}
