using Choreo.LocalCloud.EventBridge.Patterns.Matching;

namespace Choreo.LocalCloud.EventBridge.Patterns.Matchers;

/// <summary>Equal JSON type and equal text: strings, numbers as written, <c>true</c>, <c>false</c>, <c>null</c>.</summary>
internal sealed class ExactMatcher(EventValueKind kind, string text) : ValueMatcher
{
    public override bool Matches(EventValue value) =>
        value.Kind == kind && string.Equals(value.Text, text, StringComparison.Ordinal);
}
