using System.Xml.Linq;

namespace Repository.Tests.Dependencies;

/// <summary>The repository's projects outside <c>tests/</c> and the project references each one declares.</summary>
public sealed class ProjectGraph
{
    private static readonly HashSet<string> SkippedFolders = new(StringComparer.Ordinal)
    {
        "bin", "obj", "node_modules", "cdk.out", "TestResults", ".git", ".choreo",
    };

    private ProjectGraph(string root, IReadOnlyList<string> projects)
    {
        Root = root;
        Projects = projects;
    }

    public string Root { get; }

    /// <summary>Full paths of every production project (tests are governed by what they test).</summary>
    public IReadOnlyList<string> Projects { get; }

    public static ProjectGraph Load(string root) =>
        new(root, ProjectFiles(root).Where(p => !IsUnder(p, Path.Combine(root, "tests"))).Order(StringComparer.Ordinal).ToList());

    /// <summary>Full paths of the projects <paramref name="project"/> references.</summary>
    public static IEnumerable<string> ReferencesOf(string project) =>
        XDocument.Load(project).Descendants("ProjectReference")
            .Select(reference => reference.Attribute("Include")?.Value)
            .OfType<string>()
            .Select(include => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(project)!, include.Replace('\\', '/'))));

    /// <summary>Every project file of the repository, tests included (a rule may name any of them).</summary>
    public static IEnumerable<string> ProjectFiles(string root)
    {
        var pending = new Stack<string>([root]);
        while (pending.TryPop(out var directory))
        {
            foreach (var file in Directory.EnumerateFiles(directory, "*.csproj"))
            {
                yield return file;
            }
            foreach (var child in Directory.EnumerateDirectories(directory))
            {
                if (!SkippedFolders.Contains(Path.GetFileName(child)))
                {
                    pending.Push(child);
                }
            }
        }
    }

    public static bool IsUnder(string path, string folder) =>
        path.StartsWith(folder.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}
