using System.Text.Json.Nodes;

namespace Choreo.LocalCloud.EventBridge.Delivery;

/// <summary>
/// The JSONPath subset InputPath and InputPathsMap use: <c>$</c>, <c>.name</c>, <c>['name']</c> and <c>[index]</c>.
/// Filters and wildcards are refused with a clear error rather than guessed at.
/// </summary>
public static class JsonPathSelector
{
    /// <summary>Returns whether <paramref name="path"/> exists in <paramref name="root"/>, and the node there (which may be JSON null).</summary>
    public static bool TrySelect(JsonNode? root, string path, out JsonNode? selected)
    {
        selected = root;
        if (!path.StartsWith('$'))
        {
            throw new FormatException($"JSONPath '{path}' must start with '$'.");
        }
        var position = 1;
        while (position < path.Length)
        {
            string? name = null;
            int? index = null;
            if (path[position] == '.')
            {
                var end = position + 1;
                while (end < path.Length && path[end] is not '.' and not '[')
                {
                    end++;
                }
                name = path[(position + 1)..end];
                position = end;
            }
            else if (path[position] == '[')
            {
                var close = path.IndexOf(']', position);
                if (close < 0)
                {
                    throw new FormatException($"JSONPath '{path}' has an unclosed '['.");
                }
                var inside = path[(position + 1)..close].Trim();
                position = close + 1;
                if (inside.Length >= 2 && inside[0] is '\'' or '"' && inside[^1] == inside[0])
                {
                    name = inside[1..^1];
                }
                else if (int.TryParse(inside, out var number))
                {
                    index = number;
                }
                else
                {
                    throw new FormatException($"JSONPath '{path}': '[{inside}]' is not supported (only names and indexes).");
                }
            }
            else
            {
                throw new FormatException($"JSONPath '{path}' is malformed at position {position}.");
            }
            if (name is "*" || name?.Length == 0)
            {
                throw new FormatException($"JSONPath '{path}': wildcards and empty names are not supported.");
            }
            if (name is not null)
            {
                if (selected is not JsonObject obj || !obj.TryGetPropertyValue(name, out selected))
                {
                    selected = null;
                    return false;
                }
            }
            else if (selected is JsonArray array && index is { } i && i >= 0 && i < array.Count)
            {
                selected = array[i];
            }
            else
            {
                selected = null;
                return false;
            }
        }
        return true;
    }
}
