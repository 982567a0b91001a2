using System.Text.Json;
using System.Text.Json.Nodes;

namespace Choreo.LocalCloud.CloudFormation.Intrinsics;

/// <summary>
/// Finds the names a template fragment refers to through Ref, Fn::GetAtt and Fn::Sub variables, in every
/// branch: CloudFormation orders resources by these implicit references as well as by DependsOn.
/// </summary>
public static class ReferenceScanner
{
    public static IReadOnlySet<string> ReferencedNames(JsonNode? node)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        Collect(node, names);
        return names;
    }

    private static void Collect(JsonNode? node, HashSet<string> names)
    {
        switch (node)
        {
            case JsonArray array:
                foreach (var item in array)
                {
                    Collect(item, names);
                }

                break;
            case JsonObject obj when IntrinsicResolver.IsIntrinsic(obj, out var function, out var argument):
                CollectFunction(function, argument, names);
                break;
            case JsonObject obj:
                foreach (var (_, child) in obj)
                {
                    Collect(child, names);
                }

                break;
        }
    }

    private static void CollectFunction(string function, JsonNode? argument, HashSet<string> names)
    {
        switch (function)
        {
            case "Ref" when IsString(argument, out var name):
                names.Add(name);
                return;
            case "Fn::GetAtt" when IsString(argument, out var dotted):
                names.Add(dotted.Split('.', 2)[0]);
                return;
            case "Fn::GetAtt" when argument is JsonArray { Count: > 0 } args && IsString(args[0], out var logicalId):
                names.Add(logicalId);
                Collect(args.Count > 1 ? args[1] : null, names);
                return;
            case "Fn::Sub":
                CollectSub(argument, names);
                return;
            default:
                Collect(argument, names);
                return;
        }
    }

    private static void CollectSub(JsonNode? argument, HashSet<string> names)
    {
        string? text = null;
        var mapped = new HashSet<string>(StringComparer.Ordinal);
        if (IsString(argument, out var plain))
        {
            text = plain;
        }
        else if (argument is JsonArray { Count: 2 } pair && IsString(pair[0], out var withMap))
        {
            text = withMap;
            if (pair[1] is JsonObject map)
            {
                foreach (var (key, value) in map)
                {
                    mapped.Add(key);
                    Collect(value, names);
                }
            }
        }

        if (text is null)
        {
            return;
        }

        try
        {
            foreach (var variable in SubstitutionTemplate.Parse(text, "Fn::Sub").Variables)
            {
                if (!mapped.Contains(variable))
                {
                    names.Add(variable.StartsWith("AWS::", StringComparison.Ordinal) ? variable : variable.Split('.', 2)[0]);
                }
            }
        }
        catch (Templates.TemplateException)
        {
            // A malformed Sub string is reported with its location when the resource is resolved.
        }
    }

    private static bool IsString(JsonNode? node, out string text)
    {
        if (node is JsonValue value && value.GetValueKind() == JsonValueKind.String)
        {
            text = value.GetValue<string>();
            return true;
        }

        text = "";
        return false;
    }
}
