using Choreo.LocalCloud.EventBridge.Patterns.Matching;

namespace Choreo.LocalCloud.EventBridge.Patterns.Matchers;

/// <summary>
/// <c>exists: false</c>: never accepts a present value; its field is satisfied when the path has no leaf
/// value in the event (see <see cref="FieldCondition.AcceptsAbsence"/>).
/// </summary>
internal sealed class AbsenceMatcher : ValueMatcher
{
    public static readonly AbsenceMatcher Instance = new();

    public override bool Matches(EventValue value) => false;
}
