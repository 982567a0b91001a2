using Choreo.LocalCloud.EventBridge.Patterns.Matching;

namespace Choreo.LocalCloud.EventBridge.Patterns.Matchers;

/// <summary>A string value equal to the text in any letter case.</summary>
internal sealed class EqualsIgnoreCaseMatcher(string text) : ValueMatcher
{
    public override bool Matches(EventValue value) =>
        value.IsString && string.Equals(value.Text, text, StringComparison.OrdinalIgnoreCase);
}
