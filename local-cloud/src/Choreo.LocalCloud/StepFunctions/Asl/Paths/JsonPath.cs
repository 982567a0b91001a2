using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Choreo.LocalCloud.StepFunctions.Asl.Paths;

/// <summary>
/// A parsed JSONPath in AWS's subset: <c>$</c> (the state input) or <c>$$</c> (the context object), then
/// <c>.name</c>, <c>['name']</c>, <c>[n]</c>, <c>[*]</c>, <c>.*</c>, slices, unions, <c>..</c> and filters.
/// A definite path (fields and indexes only) selects one value or fails; any other path selects a list.
/// </summary>
public sealed class JsonPath
{
    private readonly JsonPathSegment[] _segments;

    private JsonPath(string text, bool isContext, JsonPathSegment[] segments)
    {
        Text = text;
        IsContext = isContext;
        _segments = segments;
        IsDefinite = segments.All(s => s.IsDefinite);
    }

    public string Text { get; }

    /// <summary>Whether the path starts at the context object (<c>$$</c>).</summary>
    public bool IsContext { get; }

    public bool IsDefinite { get; }

    /// <summary>Whether the path is a reference path (only names and indexes), as ResultPath and Choice variables need.</summary>
    public bool IsReferencePath => IsDefinite;

    /// <summary>The path as Jayway normalizes it, e.g. <c>$['a'][0]</c>.</summary>
    public string Canonical => "$" + string.Concat(_segments.Select(s => s.Canonical));

    internal IReadOnlyList<JsonPathSegment> Segments => _segments;

    public static bool LooksLikePath(string text) => text.StartsWith('$');

    public static JsonPath Parse(string text)
    {
        if (text.StartsWith("$$", StringComparison.Ordinal))
        {
            return new JsonPath(text, true, ParseSegments(text, 2, text));
        }

        if (text.StartsWith('$'))
        {
            return new JsonPath(text, false, ParseSegments(text, 1, text));
        }

        throw new JsonPathSyntaxException(text, "a path must start with '$'");
    }

    internal static JsonPath ParseRelative(string text, string wholePath)
    {
        if (!text.StartsWith('@'))
        {
            throw new JsonPathSyntaxException(wholePath, $"'{text}' must start with '@'");
        }

        return new JsonPath(text, false, ParseSegments(text, 1, wholePath));
    }

    /// <summary>Selects one value for a definite path. Returns false when nothing is there.</summary>
    public bool TrySelectSingle(JsonNode? root, out JsonNode? value)
    {
        var current = root;
        if (IsDefinite)
        {
            foreach (var segment in _segments)
            {
                switch (segment)
                {
                    case FieldSegment f when current is JsonObject obj && obj.TryGetPropertyValue(f.Name, out var next):
                        current = next;
                        break;
                    case IndexSegment i when current is JsonArray array:
                        var at = i.Index < 0 ? array.Count + i.Index : i.Index;
                        if (at < 0 || at >= array.Count)
                        {
                            value = null;
                            return false;
                        }

                        current = array[at];
                        break;
                    default:
                        value = null;
                        return false;
                }
            }

            value = current;
            return true;
        }

        var list = SelectAll(root);
        value = new JsonArray(list.Select(Asl.Json.JsonText.Detach).ToArray());
        return true;
    }

    /// <summary>Every value the path selects, in document order.</summary>
    public List<JsonNode?> SelectAll(JsonNode? root)
    {
        var current = new List<JsonNode?> { root };
        foreach (var segment in _segments)
        {
            var next = new List<JsonNode?>();
            foreach (var node in current)
            {
                segment.Select(node, next);
            }

            current = next;
        }

        return current;
    }

    public override string ToString() => Text;

    private static JsonPathSegment[] ParseSegments(string text, int start, string wholePath)
    {
        var segments = new List<JsonPathSegment>();
        var i = start;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '.')
            {
                if (i + 1 < text.Length && text[i + 1] == '.')
                {
                    i += 2;
                    var inner = ParseAfterDot(text, ref i, wholePath, allowBracket: true);
                    segments.Add(new DeepScanSegment(inner));
                    continue;
                }

                i++;
                segments.Add(ParseAfterDot(text, ref i, wholePath, allowBracket: false));
            }
            else if (c == '[')
            {
                segments.Add(ParseBracket(text, ref i, wholePath));
            }
            else
            {
                throw new JsonPathSyntaxException(wholePath, $"unexpected '{c}' at position {i}");
            }
        }

        return segments.ToArray();
    }

    private static JsonPathSegment ParseAfterDot(string text, ref int i, string wholePath, bool allowBracket)
    {
        if (i >= text.Length)
        {
            throw new JsonPathSyntaxException(wholePath, "the path ends with '.'");
        }

        if (text[i] == '*')
        {
            i++;
            return new WildcardSegment();
        }

        if (allowBracket && text[i] == '[')
        {
            return ParseBracket(text, ref i, wholePath);
        }

        var begin = i;
        while (i < text.Length && text[i] != '.' && text[i] != '[')
        {
            i++;
        }

        if (i == begin)
        {
            throw new JsonPathSyntaxException(wholePath, $"empty field name at position {begin}");
        }

        return new FieldSegment(text[begin..i]);
    }

    private static JsonPathSegment ParseBracket(string text, ref int i, string wholePath)
    {
        // text[i] == '['
        i++;
        if (i < text.Length && text[i] == '?')
        {
            var close = FindFilterEnd(text, i, wholePath);
            var expression = text[(i + 1)..close].Trim();
            if (expression.StartsWith('(') && expression.EndsWith(')'))
            {
                expression = expression[1..^1];
            }

            i = close + 1;
            return new FilterSegment(JsonPathFilter.Parse(expression, wholePath), expression);
        }

        var members = new List<JsonPathSegment>();
        while (true)
        {
            SkipSpaces(text, ref i);
            if (i >= text.Length)
            {
                throw new JsonPathSyntaxException(wholePath, "unclosed '['");
            }

            var c = text[i];
            if (c is '\'' or '"')
            {
                members.Add(new FieldSegment(ReadQuoted(text, ref i, c, wholePath)));
            }
            else if (c == '*')
            {
                i++;
                members.Add(new WildcardSegment());
            }
            else
            {
                var begin = i;
                while (i < text.Length && text[i] != ',' && text[i] != ']')
                {
                    i++;
                }

                members.Add(ParseIndexOrSlice(text[begin..i].Trim(), wholePath));
            }

            SkipSpaces(text, ref i);
            if (i >= text.Length)
            {
                throw new JsonPathSyntaxException(wholePath, "unclosed '['");
            }

            if (text[i] == ']')
            {
                i++;
                break;
            }

            if (text[i] != ',')
            {
                throw new JsonPathSyntaxException(wholePath, $"unexpected '{text[i]}' at position {i}");
            }

            i++;
        }

        return members.Count == 1 ? members[0] : new UnionSegment(members);
    }

    private static string ReadQuoted(string text, ref int i, char quote, string wholePath)
    {
        // A quoted name ends at the quote that closes the bracket or precedes a comma: backslashes are
        // kept as written (AWS reads $['a\"b'] as the key a\"b).
        var sb = new StringBuilder();
        i++;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == quote)
            {
                var j = i + 1;
                SkipSpaces(text, ref j);
                if (j < text.Length && (text[j] == ']' || text[j] == ','))
                {
                    i++;
                    return sb.ToString();
                }
            }

            if (c == '\\' && i + 1 < text.Length && text[i + 1] == quote)
            {
                sb.Append(quote);
                i += 2;
                continue;
            }

            sb.Append(c);
            i++;
        }

        throw new JsonPathSyntaxException(wholePath, "unclosed quoted name");
    }

    private static JsonPathSegment ParseIndexOrSlice(string token, string wholePath)
    {
        if (token.Contains(':'))
        {
            var parts = token.Split(':');
            if (parts.Length > 3)
            {
                throw new JsonPathSyntaxException(wholePath, $"invalid slice '[{token}]'");
            }

            int? start = parts[0].Length == 0 ? null : ParseInt(parts[0], wholePath);
            int? end = parts[1].Length == 0 ? null : ParseInt(parts[1], wholePath);
            var step = parts.Length == 3 && parts[2].Length > 0 ? ParseInt(parts[2], wholePath) : 1;
            if (step <= 0)
            {
                throw new JsonPathSyntaxException(wholePath, $"invalid slice step in '[{token}]'");
            }

            return new SliceSegment(start, end, step);
        }

        return new IndexSegment(ParseInt(token, wholePath));
    }

    private static int ParseInt(string token, string wholePath)
    {
        if (int.TryParse(token.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        throw new JsonPathSyntaxException(wholePath, $"'{token}' is not an index");
    }

    private static int FindFilterEnd(string text, int from, string wholePath)
    {
        var depth = 0;
        var quoted = false;
        for (var i = from; i < text.Length; i++)
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
            else if (!quoted && depth == 0 && c == ']')
            {
                return i;
            }
        }

        throw new JsonPathSyntaxException(wholePath, "unclosed filter");
    }

    private static void SkipSpaces(string text, ref int i)
    {
        while (i < text.Length && text[i] == ' ')
        {
            i++;
        }
    }
}
