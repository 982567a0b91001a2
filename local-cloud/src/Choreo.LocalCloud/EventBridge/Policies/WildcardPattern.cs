namespace Choreo.LocalCloud.EventBridge.Policies;

/// <summary>
/// IAM's wildcards (<c>*</c> any run, <c>?</c> one character) matched greedily with one backtrack point, so the
/// time is linear in practice and never exponential, whatever a policy or a request holds.
/// </summary>
public static class WildcardPattern
{
    public static bool Matches(string pattern, string value, bool ignoreCase)
    {
        var p = 0;
        var v = 0;
        var star = -1;
        var resume = 0;
        while (v < value.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || SameChar(pattern[p], value[v], ignoreCase)))
            {
                p++;
                v++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                resume = v;
            }
            else if (star >= 0)
            {
                p = star + 1;
                v = ++resume;
            }
            else
            {
                return false;
            }
        }
        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }
        return p == pattern.Length;
    }

    private static bool SameChar(char a, char b, bool ignoreCase) =>
        a == b || (ignoreCase && char.ToUpperInvariant(a) == char.ToUpperInvariant(b));
}
