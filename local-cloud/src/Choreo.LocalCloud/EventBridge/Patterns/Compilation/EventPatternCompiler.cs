using System.Text;
using System.Text.Json;
using Choreo.LocalCloud.EventBridge.Patterns.Matchers;
using Choreo.LocalCloud.EventBridge.Patterns.Matching;
using Choreo.LocalCloud.EventBridge.Patterns.Values;

namespace Choreo.LocalCloud.EventBridge.Patterns.Compilation;

/// <summary>
/// Compiles pattern JSON into branches. Nested objects extend the dotted path; <c>$or</c> forks every branch
/// built so far into one per alternative; fields after it are added to all branches. A field written twice
/// keeps its last array.
/// </summary>
internal static class EventPatternCompiler
{
    private const string OrKeyword = "$or";

    // Operator names (and names kept for future operators) that may not be field names inside $or.
    private static readonly HashSet<string> ReservedInsideOr = new(StringComparer.Ordinal)
    {
        "exactly", "equals-ignore-case", "prefix", "suffix", "anything-but", "exists", "wildcard", "numeric",
        "cidr", "=", "<", "<=", ">", ">=", "regex", "not-wildcard", "not-equals-ignore-case", "date-after",
        "date-on-or-after", "date-before", "date-on-or-before", "in-date-range", "ip-address-in-range",
        "ip-address-not-in-range",
    };

    public static IReadOnlyList<PatternBranch> Compile(string patternJson)
    {
        using var document = ReadRootObject(patternJson);
        var branches = new List<Dictionary<string, FieldCondition>>();
        ParseObject(branches, null, document.RootElement, insideOr: false);
        // Like AWS, complexity is judged on the whole rule once its JSON has been read.
        foreach (var field in branches.SelectMany(fields => fields.Values).Distinct())
        {
            WildcardComplexity.EnsureWithinLimit(WildcardsOf(field));
        }
        return branches.Select(fields => new PatternBranch([.. fields.Values])).ToArray();
    }

    private static List<WildcardPattern> WildcardsOf(FieldCondition field) =>
        field.Matchers
            .SelectMany(m => m is AnythingButMatcher anythingBut ? anythingBut.Excluded : [m])
            .OfType<WildcardMatcher>()
            .Select(w => w.Pattern)
            .ToList();

    private static JsonDocument ReadRootObject(string patternJson)
    {
        var bytes = Encoding.UTF8.GetBytes(patternJson);
        var reader = new Utf8JsonReader(bytes);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw new InvalidEventPatternException("Filter is not an object");
            }
            // Only the first JSON value is read; anything after the closing brace is ignored, as AWS does.
            return JsonDocument.ParseValue(ref reader);
        }
        catch (JsonException) when (bytes.AsSpan().Trim(" \t\r\n"u8).IsEmpty)
        {
            throw new InvalidEventPatternException("Filter is not an object");
        }
        catch (JsonException e)
        {
            throw new InvalidEventPatternException(JsonSyntaxError.Describe(bytes, e));
        }
    }

    private static void ParseObject(List<Dictionary<string, FieldCondition>> branches, string? path, JsonElement obj, bool insideOr)
    {
        var fieldsPresent = false;
        foreach (var property in obj.EnumerateObject())
        {
            fieldsPresent = true;
            var name = property.Name;
            if (name == OrKeyword)
            {
                ParseOr(branches, path, property.Value);
                continue;
            }
            if (insideOr && ReservedInsideOr.Contains(name))
            {
                throw new InvalidEventPatternException($"{name} is Ruler reserved fieldName which cannot be used inside {OrKeyword}.");
            }
            var childPath = path is null ? name : path + "." + name;
            switch (property.Value.ValueKind)
            {
                case JsonValueKind.Object:
                    ParseObject(branches, childPath, property.Value, insideOr);
                    break;
                case JsonValueKind.Array:
                    WriteField(branches, childPath, property.Value);
                    break;
                default:
                    throw new InvalidEventPatternException($"\"{name}\" must be an object or an array");
            }
        }
        if (!fieldsPresent)
        {
            throw new InvalidEventPatternException("Empty objects are not allowed");
        }
    }

    private static void ParseOr(List<Dictionary<string, FieldCondition>> branches, string? path, JsonElement alternatives)
    {
        var before = branches.Select(Copy).ToList();
        branches.Clear();
        if (alternatives.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidEventPatternException($"It must be an Array followed with {OrKeyword}.");
        }
        var count = 0;
        foreach (var alternative in alternatives.EnumerateArray())
        {
            count++;
            if (alternative.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidEventPatternException($"Only JSON object is allowed in array of {OrKeyword} relationship.");
            }
            var forked = before.Select(Copy).ToList();
            if (forked.Count == 0)
            {
                forked.Add(new Dictionary<string, FieldCondition>(StringComparer.Ordinal));
            }
            ParseObject(forked, path, alternative, insideOr: true);
            branches.AddRange(forked);
        }
        if (count < 2)
        {
            throw new InvalidEventPatternException($"There must have at least 2 Objects in {OrKeyword} relationship.");
        }
    }

    private static Dictionary<string, FieldCondition> Copy(Dictionary<string, FieldCondition> fields) =>
        new(fields, StringComparer.Ordinal);

    private static void WriteField(List<Dictionary<string, FieldCondition>> branches, string path, JsonElement array)
    {
        var matchers = new List<ValueMatcher>();
        foreach (var item in array.EnumerateArray())
        {
            switch (item.ValueKind)
            {
                case JsonValueKind.Object:
                    matchers.Add(MatchExpressionCompiler.Compile(item));
                    break;
                case JsonValueKind.String:
                    var text = item.GetString()!;
                    // A string that is an IP address literal matches that address in any spelling.
                    matchers.Add(IpAddressLiteral.TryParse(text) is { } address
                        ? new IpRangeMatcher(IpRange.Single(address))
                        : new ExactMatcher(EventValueKind.String, text));
                    break;
                case JsonValueKind.Number:
                    var raw = item.GetRawText();
                    if (ComparableNumber.TryParse(raw, out var comparable))
                    {
                        matchers.Add(NumericRangeMatcher.EqualTo(comparable));
                    }
                    matchers.Add(new ExactMatcher(EventValueKind.Number, raw));
                    break;
                case JsonValueKind.True:
                    matchers.Add(new ExactMatcher(EventValueKind.True, "true"));
                    break;
                case JsonValueKind.False:
                    matchers.Add(new ExactMatcher(EventValueKind.False, "false"));
                    break;
                case JsonValueKind.Null:
                    matchers.Add(new ExactMatcher(EventValueKind.Null, "null"));
                    break;
                default:
                    throw new InvalidEventPatternException("Match value must be String, number, true, false, or null");
            }
        }
        if (matchers.Count == 0)
        {
            throw new InvalidEventPatternException("Empty arrays are not allowed");
        }
        var condition = new FieldCondition(path, matchers, matchers.Contains(AbsenceMatcher.Instance));
        if (branches.Count == 0)
        {
            branches.Add(new Dictionary<string, FieldCondition>(StringComparer.Ordinal));
        }
        foreach (var branch in branches)
        {
            branch[path] = condition;
        }
    }
}
