using System.Text.RegularExpressions;

namespace Repository.Tests.Dependencies;

/// <summary>
/// A folder README's "May depend on:" line: the projects inside the README's folder may reference each
/// other, and beyond it only what the line names in backticks (a top-level folder, or a project by name).
/// </summary>
public sealed partial record DependencyRule(string ReadmePath, string Folder, IReadOnlyList<string> Names)
{
    /// <summary>The rule a README states, or null when it states none.</summary>
    public static DependencyRule? Read(string readmePath)
    {
        foreach (var line in File.ReadLines(readmePath))
        {
            var match = RuleLine().Match(line);
            if (match.Success)
            {
                var names = Backticked().Matches(match.Groups["rest"].Value).Select(m => m.Groups["name"].Value).ToList();
                return new DependencyRule(readmePath, Path.GetDirectoryName(readmePath)!, names);
            }
        }
        return null;
    }

    [GeneratedRegex(@"\bMay depend on:(?<rest>.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex RuleLine();

    [GeneratedRegex(@"`(?<name>[^`]+)`")]
    private static partial Regex Backticked();
}
