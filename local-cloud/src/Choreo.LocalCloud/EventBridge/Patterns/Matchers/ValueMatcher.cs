using Choreo.LocalCloud.EventBridge.Patterns.Matching;

namespace Choreo.LocalCloud.EventBridge.Patterns.Matchers;

/// <summary>One entry of a pattern field's array: decides whether a single event leaf value satisfies it.</summary>
internal abstract class ValueMatcher
{
    public abstract bool Matches(EventValue value);
}
