using System.Text.Json.Nodes;

namespace Choreo.Contracts.Schemas;

/// <summary>
/// Compares a committed detail schema with the one the records export now. Consumers in the other
/// account still send and read the committed shape, so a field may be added only as optional; removing,
/// renaming, retyping or newly requiring a field breaks them.
/// </summary>
public static class SchemaCompatibility
{
    public static IReadOnlyList<string> BreakingChanges(string detailType, JsonNode committed, JsonNode current)
    {
        var problems = new List<string>();
        Compare(detailType, "detail", committed, current, problems);
        return problems;
    }

    private static void Compare(string detailType, string path, JsonNode? committed, JsonNode? current, List<string> problems)
    {
        if (committed is not JsonObject before || current is not JsonObject after)
        {
            return;
        }
        var beforeTypes = TypesOf(before);
        var afterTypes = TypesOf(after);
        if (beforeTypes.Count > 0 && afterTypes.Count > 0 && !beforeTypes.IsSubsetOf(afterTypes))
        {
            problems.Add($"'{detailType}' {path}: type changed from {Show(beforeTypes)} to {Show(afterTypes)}. {Advice(detailType)}");
        }

        var beforeProps = before["properties"] as JsonObject;
        var afterProps = after["properties"] as JsonObject;
        var beforeRequired = RequiredOf(before);
        var afterRequired = RequiredOf(after);
        foreach (var (name, schema) in beforeProps ?? [])
        {
            var fieldPath = $"{path}.{name}";
            if (afterProps is null || !afterProps.ContainsKey(name))
            {
                problems.Add($"'{detailType}' {fieldPath}: field removed or renamed. {Advice(detailType)}");
                continue;
            }
            if (!beforeRequired.Contains(name) && afterRequired.Contains(name))
            {
                problems.Add($"'{detailType}' {fieldPath}: optional field made required. {Advice(detailType)}");
            }
            Compare(detailType, fieldPath, schema, afterProps[name], problems);
        }
        foreach (var name in afterRequired.Where(n => beforeProps is null || !beforeProps.ContainsKey(n)))
        {
            problems.Add($"'{detailType}' {path}.{name}: new field is required; add it as optional instead. {Advice(detailType)}");
        }
        Compare(detailType, $"{path}[]", before["items"], after["items"], problems);
    }

    private static HashSet<string> TypesOf(JsonObject schema) => schema["type"] switch
    {
        JsonArray many => many.Select(t => t!.GetValue<string>()).ToHashSet(),
        JsonValue one => [one.GetValue<string>()],
        _ => [],
    };

    private static HashSet<string> RequiredOf(JsonObject schema) =>
        (schema["required"] as JsonArray)?.Select(n => n!.GetValue<string>()).ToHashSet() ?? [];

    private static string Show(HashSet<string> types) => string.Join("|", types.Order());

    private static string Advice(string detailType) =>
        $"Keep the old field and add new ones as optional, or publish a new detail-type (e.g. '{detailType}.v2') and migrate consumers before removing the old one.";
}
