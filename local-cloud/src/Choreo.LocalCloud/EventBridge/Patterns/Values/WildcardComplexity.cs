namespace Choreo.LocalCloud.EventBridge.Patterns.Values;

/// <summary>
/// AWS's guard against wildcard patterns that are expensive to match: the largest number of partial
/// matches that one input value can keep alive at once, over all wildcard patterns of one field. A
/// partial match inside a wildcard and one that has just reached a wildcard count separately, as they
/// are separate states of AWS's byte machine. Rules at or over the limit are rejected.
/// </summary>
internal static class WildcardComplexity
{
    public const int Limit = 10;

    public const string TooComplexMessage =
        "Rule is too complex - try using fewer wildcard characters or fewer repeating character sequences after a wildcard character";

    private const int ExplorationBudget = 20_000;

    public static void EnsureWithinLimit(IReadOnlyList<WildcardPattern> patterns)
    {
        if (patterns.Count > 0 && Evaluate(patterns) >= Limit)
        {
            throw new InvalidEventPatternException(TooComplexMessage);
        }
    }

    /// <summary>The largest count of simultaneously live partial matches, capped at <see cref="Limit"/>.</summary>
    public static int Evaluate(IReadOnlyList<WildcardPattern> patterns)
    {
        var alphabet = new HashSet<int>();
        foreach (var pattern in patterns)
        {
            foreach (var token in pattern.Tokens)
            {
                if (token != WildcardPattern.Star)
                {
                    alphabet.Add(token);
                }
            }
        }
        // One byte that appears in no pattern stands for all such bytes.
        alphabet.Add(Enumerable.Range(0, 256).First(b => !alphabet.Contains(b)));

        var start = new HashSet<State>(patterns.Select((_, i) => new State(i, 0, false)));
        var pending = new Stack<HashSet<State>>();
        var seen = new HashSet<string>(StringComparer.Ordinal) { Key(start) };
        pending.Push(start);
        var maximum = 0;
        while (pending.Count > 0 && seen.Count < ExplorationBudget)
        {
            var active = pending.Pop();
            foreach (var b in alphabet)
            {
                var next = Step(patterns, active, b);
                if (next.Count == 0)
                {
                    continue;
                }
                maximum = Math.Max(maximum, Count(patterns, next));
                if (maximum >= Limit)
                {
                    return Limit;
                }
                if (seen.Add(Key(next)))
                {
                    pending.Push(next);
                }
            }
        }
        return maximum;
    }

    // Position = tokens consumed; InsideStar = the state loops on a wildcard rather than having just arrived.
    private readonly record struct State(int Pattern, int Position, bool InsideStar);

    private static HashSet<State> Step(IReadOnlyList<WildcardPattern> patterns, HashSet<State> active, int b)
    {
        var next = new HashSet<State>();
        foreach (var state in active)
        {
            var tokens = patterns[state.Pattern].Tokens;
            for (var position = state.Position; position < tokens.Length; position++)
            {
                if (tokens[position] == WildcardPattern.Star)
                {
                    next.Add(new State(state.Pattern, position, true));
                    continue; // a wildcard may also match nothing: try the token after it
                }
                if (tokens[position] == b)
                {
                    next.Add(new State(state.Pattern, position + 1, false));
                }
                break;
            }
        }
        return next;
    }

    private static int Count(IReadOnlyList<WildcardPattern> patterns, HashSet<State> active)
    {
        var count = 0;
        foreach (var state in active)
        {
            count++;
            var tokens = patterns[state.Pattern].Tokens;
            if (!state.InsideStar
                && state.Position < tokens.Length
                && tokens[state.Position] == WildcardPattern.Star
                && !active.Contains(state with { InsideStar = true }))
            {
                count++;
            }
        }
        return count;
    }

    private static string Key(HashSet<State> states) =>
        string.Join(';', states.Select(s => $"{s.Pattern},{s.Position},{(s.InsideStar ? 1 : 0)}").Order(StringComparer.Ordinal));
}
