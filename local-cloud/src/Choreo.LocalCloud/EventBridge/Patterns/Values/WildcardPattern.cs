using System.Text;

namespace Choreo.LocalCloud.EventBridge.Patterns.Values;

/// <summary>
/// A wildcard string: <c>*</c> matches any run of characters (including none), <c>\*</c> and <c>\\</c> are a
/// literal star and backslash. Matching is over the whole value.
/// </summary>
internal sealed class WildcardPattern
{
    // Literal pieces between stars; a star sits between each consecutive pair.
    private readonly string[] _pieces;

    private WildcardPattern(string[] pieces, int[] tokens)
    {
        _pieces = pieces;
        Tokens = tokens;
    }

    /// <summary>The value's UTF-8 bytes framed by quotes, with <see cref="Star"/> for each wildcard.</summary>
    public int[] Tokens { get; }

    public const int Star = 256;

    public string Source { get; private init; } = "";

    /// <summary>Parses and validates; positions in errors count UTF-8 bytes of the quoted value, as AWS reports.</summary>
    public static WildcardPattern Parse(string text)
    {
        var bytes = Encoding.UTF8.GetBytes("\"" + text + "\"");
        var pieces = new List<string>();
        var current = new List<byte>();
        var tokens = new List<int>();
        for (var i = 0; i < bytes.Length; i++)
        {
            var b = bytes[i];
            if (b == (byte)'*')
            {
                if (i + 1 < bytes.Length && bytes[i + 1] == (byte)'*')
                {
                    throw new InvalidEventPatternException($"Consecutive wildcard characters at pos {i}");
                }
                pieces.Add(Encoding.UTF8.GetString(current.ToArray()));
                current.Clear();
                tokens.Add(Star);
            }
            else if (b == (byte)'\\')
            {
                if (i + 1 < bytes.Length && (bytes[i + 1] == (byte)'*' || bytes[i + 1] == (byte)'\\'))
                {
                    current.Add(bytes[i + 1]);
                    tokens.Add(bytes[i + 1]);
                    i++;
                    continue;
                }
                throw new InvalidEventPatternException($"Invalid escape character at pos {i}");
            }
            else
            {
                current.Add(b);
                tokens.Add(b);
            }
        }
        pieces.Add(Encoding.UTF8.GetString(current.ToArray()));
        // Drop the quotes that framed the value for position counting.
        pieces[0] = pieces[0][1..];
        pieces[^1] = pieces[^1][..^1];
        return new WildcardPattern([.. pieces], [.. tokens]) { Source = text };
    }

    public bool IsMatch(string value)
    {
        if (_pieces.Length == 1)
        {
            return string.Equals(value, _pieces[0], StringComparison.Ordinal);
        }
        var first = _pieces[0];
        var last = _pieces[^1];
        if (value.Length < first.Length + last.Length
            || !value.StartsWith(first, StringComparison.Ordinal)
            || !value.EndsWith(last, StringComparison.Ordinal))
        {
            return false;
        }
        // Middle pieces are found leftmost-first; that choice never loses a match for star-separated literals.
        var position = first.Length;
        var end = value.Length - last.Length;
        for (var i = 1; i < _pieces.Length - 1; i++)
        {
            var piece = _pieces[i];
            var found = value.AsSpan(position, end - position).IndexOf(piece, StringComparison.Ordinal);
            if (found < 0)
            {
                return false;
            }
            position += found + piece.Length;
        }
        return true;
    }
}
