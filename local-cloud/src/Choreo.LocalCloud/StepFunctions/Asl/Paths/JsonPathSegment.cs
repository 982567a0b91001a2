using System.Text.Json.Nodes;

namespace Choreo.LocalCloud.StepFunctions.Asl.Paths;

/// <summary>One step of a JSONPath: a field, an index, a wildcard, a slice, a union, a filter or a deep scan.</summary>
internal abstract record JsonPathSegment
{
    /// <summary>Whether the step selects at most one value (a definite path is made only of these).</summary>
    public abstract bool IsDefinite { get; }

    public abstract void Select(JsonNode? current, List<JsonNode?> results);

    /// <summary>The step in Jayway's normalized form, as AWS's error messages print it.</summary>
    public abstract string Canonical { get; }
}

internal sealed record FieldSegment(string Name) : JsonPathSegment
{
    public override bool IsDefinite => true;

    public override string Canonical => $"['{Name}']";

    public override void Select(JsonNode? current, List<JsonNode?> results)
    {
        if (current is JsonObject obj && obj.TryGetPropertyValue(Name, out var value))
        {
            results.Add(value);
        }
    }
}

internal sealed record IndexSegment(int Index) : JsonPathSegment
{
    public override bool IsDefinite => true;

    public override string Canonical => $"[{Index}]";

    public override void Select(JsonNode? current, List<JsonNode?> results)
    {
        if (current is JsonArray array)
        {
            var i = Index < 0 ? array.Count + Index : Index;
            if (i >= 0 && i < array.Count)
            {
                results.Add(array[i]);
            }
        }
    }
}

internal sealed record WildcardSegment : JsonPathSegment
{
    public override bool IsDefinite => false;

    public override string Canonical => "[*]";

    public override void Select(JsonNode? current, List<JsonNode?> results)
    {
        switch (current)
        {
            case JsonArray array:
                foreach (var item in array)
                {
                    results.Add(item);
                }

                break;
            case JsonObject obj:
                foreach (var (_, value) in obj)
                {
                    results.Add(value);
                }

                break;
        }
    }
}

internal sealed record SliceSegment(int? Start, int? End, int Step) : JsonPathSegment
{
    public override bool IsDefinite => false;

    public override string Canonical => $"[{Start}:{End}]";

    public override void Select(JsonNode? current, List<JsonNode?> results)
    {
        if (current is not JsonArray array)
        {
            return;
        }

        var n = array.Count;
        var start = Normalize(Start ?? 0, n);
        var end = Normalize(End ?? n, n);
        for (var i = start; i < end; i += Step)
        {
            results.Add(array[i]);
        }
    }

    private static int Normalize(int value, int count) =>
        value < 0 ? Math.Max(0, count + value) : Math.Min(value, count);
}

internal sealed record UnionSegment(IReadOnlyList<JsonPathSegment> Members) : JsonPathSegment
{
    public override bool IsDefinite => false;

    public override string Canonical => "[" + string.Join(",", Members.Select(m => m.Canonical.Trim('[', ']'))) + "]";

    public override void Select(JsonNode? current, List<JsonNode?> results)
    {
        foreach (var member in Members)
        {
            member.Select(current, results);
        }
    }
}

internal sealed record DeepScanSegment(JsonPathSegment Inner) : JsonPathSegment
{
    public override bool IsDefinite => false;

    public override string Canonical => ".." + Inner.Canonical;

    public override void Select(JsonNode? current, List<JsonNode?> results) => Scan(current, results);

    private void Scan(JsonNode? node, List<JsonNode?> results)
    {
        Inner.Select(node, results);
        switch (node)
        {
            case JsonArray array:
                foreach (var item in array)
                {
                    Scan(item, results);
                }

                break;
            case JsonObject obj:
                foreach (var (_, value) in obj)
                {
                    Scan(value, results);
                }

                break;
        }
    }
}

internal sealed record FilterSegment(JsonPathFilter Filter, string Text) : JsonPathSegment
{
    public override bool IsDefinite => false;

    public override string Canonical => $"[?({Text})]";

    public override void Select(JsonNode? current, List<JsonNode?> results)
    {
        switch (current)
        {
            case JsonArray array:
                foreach (var item in array)
                {
                    if (Filter.Matches(item))
                    {
                        results.Add(item);
                    }
                }

                break;
            case JsonObject obj:
                foreach (var (_, value) in obj)
                {
                    if (Filter.Matches(value))
                    {
                        results.Add(value);
                    }
                }

                break;
        }
    }
}
