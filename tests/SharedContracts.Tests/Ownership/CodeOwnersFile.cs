namespace SharedContracts.Tests.Ownership;

/// <summary>
/// The repository's CODEOWNERS, read as GitHub reads it (last matching rule wins), with the checks
/// we hold it to: every top-level folder and test project has an explicit owner, and no rule points at
/// a path that does not exist.
/// </summary>
internal sealed class CodeOwnersFile
{
    private static readonly HashSet<string> GeneratedFolders = ["bin", "obj", "node_modules", "cdk.out", "TestResults", "artifacts"];

    private CodeOwnersFile(IReadOnlyList<CodeOwnersRule> rules) => Rules = rules;

    public IReadOnlyList<CodeOwnersRule> Rules { get; }

    public static CodeOwnersFile Parse(string text)
    {
        var rules = new List<CodeOwnersRule>();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }
            var parts = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            rules.Add(new CodeOwnersRule(parts[0], parts[1..], i + 1));
        }
        return new CodeOwnersFile(rules);
    }

    public IReadOnlyList<string> OwnersOf(string folder) =>
        Rules.LastOrDefault(r => r.Covers(folder))?.Owners ?? [];

    public IEnumerable<string> Problems(string repositoryRoot)
    {
        foreach (var rule in Rules.Where(r => !r.IsCatchAll))
        {
            if (rule.Owners.Count == 0)
            {
                yield return $"CODEOWNERS line {rule.Line}: '{rule.Pattern}' names no owner.";
            }
            var path = Path.Combine(repositoryRoot, rule.Pattern.Trim('/'));
            if (!Directory.Exists(path) && !File.Exists(path))
            {
                yield return $"CODEOWNERS line {rule.Line}: '{rule.Pattern}' points at a path that does not exist.";
            }
        }
        foreach (var folder in OwnedFolders(repositoryRoot))
        {
            if (OwnersOf(folder).Count == 0)
            {
                yield return $"'{folder}/' has no owner in CODEOWNERS: add a rule naming its team.";
            }
        }
    }

    /// <summary>Top-level folders and test projects: the units a team owns.</summary>
    public static IEnumerable<string> OwnedFolders(string repositoryRoot)
    {
        var topLevel = Directory.GetDirectories(repositoryRoot)
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(name => !name.StartsWith('.') && !GeneratedFolders.Contains(name))
            .Order();
        foreach (var folder in topLevel)
        {
            yield return folder;
        }
        var tests = Path.Combine(repositoryRoot, "tests");
        if (Directory.Exists(tests))
        {
            foreach (var project in Directory.GetFiles(tests, "*.csproj", SearchOption.AllDirectories).Order())
            {
                yield return Path.GetRelativePath(repositoryRoot, Path.GetDirectoryName(project)!).Replace('\\', '/');
            }
        }
    }
}
