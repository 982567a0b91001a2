using Choreo.LocalCloud.EventBridge.Patterns.Matching;

namespace Choreo.LocalCloud.EventBridge.Patterns.Matchers;

/// <summary>A numeric comparison on JSON numbers (never on numeric-looking strings); equality is a closed range of one.</summary>
internal sealed class NumericRangeMatcher(long bottom, bool openBottom, long top, bool openTop) : ValueMatcher
{
    public static NumericRangeMatcher EqualTo(long comparable) => new(comparable, false, comparable, false);

    public override bool Matches(EventValue value)
    {
        if (value.Comparable is not { } number)
        {
            return false;
        }
        var aboveBottom = openBottom ? number > bottom : number >= bottom;
        var belowTop = openTop ? number < top : number <= top;
        return aboveBottom && belowTop;
    }
}
