using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Choreo.LocalCloud.StepFunctions.Asl.Json;

namespace Choreo.LocalCloud.StepFunctions.Asl.Paths;

/// <summary>
/// A filter expression <c>?(...)</c>: comparisons of <c>@</c>-relative paths with literals
/// (<c>== != &lt; &lt;= &gt; &gt;=</c>), existence tests, joined by <c>&amp;&amp;</c> and <c>||</c>.
/// </summary>
internal abstract record JsonPathFilter
{
    public abstract bool Matches(JsonNode? item);

    public static JsonPathFilter Parse(string text, string wholePath)
    {
        var orParts = SplitTopLevel(text, "||");
        if (orParts.Count > 1)
        {
            return new AnyFilter(orParts.Select(p => Parse(p, wholePath)).ToArray());
        }

        var andParts = SplitTopLevel(text, "&&");
        if (andParts.Count > 1)
        {
            return new AllFilter(andParts.Select(p => Parse(p, wholePath)).ToArray());
        }

        var t = text.Trim();
        if (t.StartsWith('(') && t.EndsWith(')'))
        {
            return Parse(t[1..^1], wholePath);
        }

        foreach (var op in new[] { "==", "!=", "<=", ">=", "<", ">" })
        {
            var at = IndexOutsideQuotes(t, op);
            if (at > 0)
            {
                var left = Operand(t[..at].Trim(), wholePath);
                var right = Operand(t[(at + op.Length)..].Trim(), wholePath);
                return new CompareFilter(left, op, right);
            }
        }

        if (t.StartsWith('@'))
        {
            return new ExistsFilter(JsonPath.ParseRelative(t, wholePath));
        }

        throw new JsonPathSyntaxException(wholePath, $"unsupported filter expression '{text}'");
    }

    private static Func<JsonNode?, (bool Found, JsonNode? Value)> Operand(string text, string wholePath)
    {
        if (text.StartsWith('@'))
        {
            var path = JsonPath.ParseRelative(text, wholePath);
            return item =>
            {
                var found = path.TrySelectSingle(item, out var value);
                return (found, value);
            };
        }

        JsonNode? literal;
        if (text.StartsWith('\'') && text.EndsWith('\'') && text.Length >= 2)
        {
            literal = JsonValue.Create(text[1..^1]);
        }
        else
        {
            try
            {
                literal = JsonText.Parse(text);
            }
            catch (JsonException)
            {
                throw new JsonPathSyntaxException(wholePath, $"unsupported filter operand '{text}'");
            }
        }

        return _ => (true, literal);
    }

    private static List<string> SplitTopLevel(string text, string separator)
    {
        var parts = new List<string>();
        var depth = 0;
        var quoted = false;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\'')
            {
                quoted = !quoted;
            }
            else if (!quoted && c == '(')
            {
                depth++;
            }
            else if (!quoted && c == ')')
            {
                depth--;
            }
            else if (!quoted && depth == 0 && string.CompareOrdinal(text, i, separator, 0, separator.Length) == 0)
            {
                parts.Add(text[start..i]);
                start = i + separator.Length;
                i += separator.Length - 1;
            }
        }

        parts.Add(text[start..]);
        return parts;
    }

    private static int IndexOutsideQuotes(string text, string op)
    {
        var quoted = false;
        for (var i = 0; i + op.Length <= text.Length; i++)
        {
            if (text[i] == '\'')
            {
                quoted = !quoted;
            }
            else if (!quoted && string.CompareOrdinal(text, i, op, 0, op.Length) == 0)
            {
                return i;
            }
        }

        return -1;
    }

    private sealed record AnyFilter(JsonPathFilter[] Parts) : JsonPathFilter
    {
        public override bool Matches(JsonNode? item) => Parts.Any(p => p.Matches(item));
    }

    private sealed record AllFilter(JsonPathFilter[] Parts) : JsonPathFilter
    {
        public override bool Matches(JsonNode? item) => Parts.All(p => p.Matches(item));
    }

    private sealed record ExistsFilter(JsonPath Path) : JsonPathFilter
    {
        public override bool Matches(JsonNode? item) => Path.TrySelectSingle(item, out _);
    }

    private sealed record CompareFilter(
        Func<JsonNode?, (bool Found, JsonNode? Value)> Left,
        string Operator,
        Func<JsonNode?, (bool Found, JsonNode? Value)> Right) : JsonPathFilter
    {
        public override bool Matches(JsonNode? item)
        {
            var (lf, l) = Left(item);
            var (rf, r) = Right(item);
            if (!lf || !rf)
            {
                return false;
            }

            int? order = null;
            if (JsonText.IsNumber(l) && JsonText.IsNumber(r))
            {
                order = JsonText.CompareNumbers(l!, r!);
            }
            else if (JsonText.TryGetString(l, out var ls) && JsonText.TryGetString(r, out var rs))
            {
                order = string.CompareOrdinal(ls, rs);
            }

            return Operator switch
            {
                "==" => order is int o ? o == 0 : JsonText.DeepEquals(l, r),
                "!=" => order is int o ? o != 0 : !JsonText.DeepEquals(l, r),
                "<" => order < 0,
                "<=" => order <= 0,
                ">" => order > 0,
                ">=" => order >= 0,
                _ => throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"unknown operator {Operator}")),
            };
        }
    }
}
