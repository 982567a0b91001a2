using Choreo.LocalCloud.EventBridge.Patterns.Matching;
using Choreo.LocalCloud.EventBridge.Patterns.Values;

namespace Choreo.LocalCloud.EventBridge.Patterns.Matchers;

/// <summary>
/// A string value holding an IP address inside a range: <c>cidr</c> blocks, and plain pattern strings that
/// are address literals (which therefore match any spelling of the same address).
/// </summary>
internal sealed class IpRangeMatcher(IpRange range) : ValueMatcher
{
    public override bool Matches(EventValue value) => value.IpAddress is { } address && range.Contains(address);
}
