using System.Text;
using System.Text.Json;

namespace Choreo.LocalCloud.EventBridge.Patterns.Compilation;

/// <summary>
/// Words a pattern's JSON syntax error the way AWS's parser does for the common mistakes (a bare word
/// where a value belongs, a field name without double quotes); other syntax errors keep the parser's text.
/// </summary>
internal static class JsonSyntaxError
{
    public static string Describe(byte[] json, JsonException error)
    {
        var offending = OffsetOf(json, error);
        if (offending is { } offset && offset < json.Length)
        {
            var c = (char)json[offset];
            if (error.Message.Contains("property name", StringComparison.Ordinal))
            {
                return $"Unexpected character ('{c}' (code {(int)c})): was expecting double-quote to start field name";
            }
            if (IsWordByte(json[offset]))
            {
                return $"Unrecognized token '{WordAround(json, offset)}': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')";
            }
        }
        return "Filter is not valid JSON: " + error.Message.Split(" LineNumber:")[0].Trim();
    }

    private static int? OffsetOf(byte[] json, JsonException error)
    {
        if (error.LineNumber is not { } line || error.BytePositionInLine is not { } column)
        {
            return null;
        }
        var offset = 0;
        for (var l = 0; l < line; l++)
        {
            offset = Array.IndexOf(json, (byte)'\n', offset) + 1;
            if (offset == 0)
            {
                return null;
            }
        }
        return offset + (int)column;
    }

    private static string WordAround(byte[] json, int offset)
    {
        var start = offset;
        while (start > 0 && IsWordByte(json[start - 1]))
        {
            start--;
        }
        var end = offset;
        while (end < json.Length && IsWordByte(json[end]))
        {
            end++;
        }
        return Encoding.UTF8.GetString(json, start, end - start);
    }

    private static bool IsWordByte(byte b) => char.IsAsciiLetterOrDigit((char)b) || b is (byte)'_' or (byte)'$';
}
