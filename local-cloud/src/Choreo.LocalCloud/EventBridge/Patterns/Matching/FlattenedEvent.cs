namespace Choreo.LocalCloud.EventBridge.Patterns.Matching;

/// <summary>An event's leaf values by dotted field path, holding only the paths a pattern asks about.</summary>
internal sealed class FlattenedEvent(Dictionary<string, List<EventValue>> valuesByPath)
{
    private static readonly List<EventValue> NoValues = [];

    public IReadOnlyList<EventValue> ValuesAt(string path) =>
        valuesByPath.TryGetValue(path, out var values) ? values : NoValues;
}
