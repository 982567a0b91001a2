using Choreo.LocalCloud.EventBridge.Patterns.Matching;
using Choreo.LocalCloud.EventBridge.Patterns.Values;

namespace Choreo.LocalCloud.EventBridge.Patterns.Matchers;

/// <summary>A string value matching a wildcard pattern as a whole.</summary>
internal sealed class WildcardMatcher(WildcardPattern pattern) : ValueMatcher
{
    public WildcardPattern Pattern { get; } = pattern;

    public override bool Matches(EventValue value) => value.IsString && Pattern.IsMatch(value.Text);
}
