namespace Choreo.LocalCloud.EventBridge.Patterns.Matching;

/// <summary>
/// All fields of one <c>$or</c> alternative (a pattern without <c>$or</c> has one branch). Every field must be
/// satisfied, by values that agree on which element of each shared event array they came from.
/// </summary>
internal sealed class PatternBranch(IReadOnlyList<FieldCondition> fields)
{
    public IReadOnlyList<FieldCondition> Fields { get; } = fields;

    public bool Matches(FlattenedEvent @event)
    {
        List<List<EventValue>>? constrained = null;
        foreach (var field in Fields)
        {
            var values = @event.ValuesAt(field.Path);
            if (values.Count == 0)
            {
                if (field.AcceptsAbsence)
                {
                    continue;
                }
                return false;
            }
            List<EventValue>? accepted = null;
            var anyOutsideArrays = false;
            foreach (var value in values)
            {
                if (!field.Accepts(value))
                {
                    continue;
                }
                if (value.Membership.IsEmpty)
                {
                    anyOutsideArrays = true;
                    break;
                }
                (accepted ??= []).Add(value);
            }
            if (anyOutsideArrays)
            {
                continue; // a value outside any array combines with everything
            }
            if (accepted is null)
            {
                return false;
            }
            (constrained ??= []).Add(accepted);
        }
        return constrained is null || constrained.Count == 1 || ChooseConsistently(constrained, 0, ArrayMembership.None);
    }

    private static bool ChooseConsistently(List<List<EventValue>> candidates, int field, ArrayMembership chosen)
    {
        if (field == candidates.Count)
        {
            return true;
        }
        foreach (var value in candidates[field])
        {
            if (value.Membership.IsCompatibleWith(chosen)
                && ChooseConsistently(candidates, field + 1, chosen.Union(value.Membership)))
            {
                return true;
            }
        }
        return false;
    }
}
