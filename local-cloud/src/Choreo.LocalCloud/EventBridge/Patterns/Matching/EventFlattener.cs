using System.Text.Json;

namespace Choreo.LocalCloud.EventBridge.Patterns.Matching;

/// <summary>
/// Flattens events for one pattern. Field names join with <c>.</c> (so <c>{"a":{"b":1}}</c> and
/// <c>{"a.b":1}</c> both give path <c>a.b</c>), array elements each contribute their own values, and only
/// branches of the event that lead to a path the pattern uses are walked.
/// </summary>
internal sealed class EventFlattener
{
    private readonly HashSet<string> _paths;
    private readonly HashSet<string> _pathPrefixes = new(StringComparer.Ordinal);

    public EventFlattener(IEnumerable<string> patternPaths)
    {
        _paths = new HashSet<string>(patternPaths, StringComparer.Ordinal);
        foreach (var path in _paths)
        {
            for (var dot = path.IndexOf('.'); dot >= 0; dot = path.IndexOf('.', dot + 1))
            {
                _pathPrefixes.Add(path[..dot]);
            }
        }
    }

    public FlattenedEvent Flatten(JsonElement @event)
    {
        var values = new Dictionary<string, List<EventValue>>(StringComparer.Ordinal);
        var nextArrayId = 0;
        Walk(@event, null, ArrayMembership.None, values, ref nextArrayId);
        return new FlattenedEvent(values);
    }

    private void Walk(JsonElement element, string? path, ArrayMembership membership,
        Dictionary<string, List<EventValue>> values, ref int nextArrayId)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    var child = path is null ? property.Name : path + "." + property.Name;
                    if (_paths.Contains(child) || _pathPrefixes.Contains(child))
                    {
                        Walk(property.Value, child, membership, values, ref nextArrayId);
                    }
                }
                break;
            case JsonValueKind.Array:
                var arrayId = nextArrayId++;
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Walk(item, path, membership.Within(arrayId, index++), values, ref nextArrayId);
                }
                break;
            default:
                if (path is not null && _paths.Contains(path))
                {
                    if (!values.TryGetValue(path, out var list))
                    {
                        values[path] = list = [];
                    }
                    list.Add(ToValue(element, membership));
                }
                break;
        }
    }

    private static EventValue ToValue(JsonElement element, ArrayMembership membership) => element.ValueKind switch
    {
        JsonValueKind.String => new EventValue(EventValueKind.String, element.GetString()!, membership),
        JsonValueKind.Number => new EventValue(EventValueKind.Number, element.GetRawText(), membership),
        JsonValueKind.True => new EventValue(EventValueKind.True, "true", membership),
        JsonValueKind.False => new EventValue(EventValueKind.False, "false", membership),
        _ => new EventValue(EventValueKind.Null, "null", membership),
    };
}
