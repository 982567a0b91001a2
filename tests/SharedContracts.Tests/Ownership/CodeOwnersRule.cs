namespace SharedContracts.Tests.Ownership;

/// <summary>One CODEOWNERS line: a path pattern, its owners, and where it stands.</summary>
internal sealed record CodeOwnersRule(string Pattern, IReadOnlyList<string> Owners, int Line)
{
    public bool IsCatchAll => Pattern is "*" or "/*" or "**";

    /// <summary>Does this rule name exactly this folder (or a parent of it), not just by the catch-all?</summary>
    public bool Covers(string folder)
    {
        var pattern = Pattern.Trim('/');
        var target = folder.Trim('/');
        return !IsCatchAll && (target == pattern || target.StartsWith(pattern + "/", StringComparison.Ordinal));
    }
}
