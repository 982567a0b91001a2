using Choreo.LocalCloud.EventBridge.Patterns.Matchers;

namespace Choreo.LocalCloud.EventBridge.Patterns.Matching;

/// <summary>
/// One pattern field: a dotted path and the array of alternatives for it. It is satisfied by any leaf value
/// at the path that one alternative accepts, or, when the array holds <c>exists: false</c>, by the path
/// having no leaf value anywhere in the event.
/// </summary>
internal sealed class FieldCondition(string path, IReadOnlyList<ValueMatcher> matchers, bool acceptsAbsence)
{
    public string Path { get; } = path;

    public IReadOnlyList<ValueMatcher> Matchers { get; } = matchers;

    public bool AcceptsAbsence { get; } = acceptsAbsence;

    public bool Accepts(EventValue value)
    {
        foreach (var matcher in Matchers)
        {
            if (matcher.Matches(value))
            {
                return true;
            }
        }
        return false;
    }
}
