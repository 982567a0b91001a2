using Choreo.LocalCloud.EventBridge.Patterns.Matching;
using Choreo.LocalCloud.EventBridge.Patterns.Values;

namespace Choreo.LocalCloud.EventBridge.Patterns.Matchers;

/// <summary>A string value matching a wildcard pattern as a whole.</summary>
internal sealed class WildcardMatcher(WildcardPattern pattern) : ValueMatcher
{
    public override bool Matches(EventValue value) => value.IsString && pattern.IsMatch(value.Text);
}
