using Choreo.LocalCloud.EventBridge.Patterns.Matching;

namespace Choreo.LocalCloud.EventBridge.Patterns.Matchers;

/// <summary>
/// Any present value (of any JSON type, including null) that none of the excluded matchers accepts.
/// A missing field never matches: that is what <c>exists: false</c> is for.
/// </summary>
internal sealed class AnythingButMatcher(IReadOnlyList<ValueMatcher> excluded) : ValueMatcher
{
    public IReadOnlyList<ValueMatcher> Excluded { get; } = excluded;

    public override bool Matches(EventValue value)
    {
        foreach (var matcher in Excluded)
        {
            if (matcher.Matches(value))
            {
                return false;
            }
        }
        return true;
    }
}
