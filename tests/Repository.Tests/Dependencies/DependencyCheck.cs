namespace Repository.Tests.Dependencies;

/// <summary>Checks every production project's references against the "May depend on:" line that governs it.</summary>
public static class DependencyCheck
{
    /// <summary>One line per broken rule; empty when every reference is allowed.</summary>
    public static IEnumerable<string> Problems(string root)
    {
        var graph = ProjectGraph.Load(root);
        var allProjects = ProjectGraph.ProjectFiles(root).ToList();
        foreach (var project in graph.Projects)
        {
            var relative = Path.GetRelativePath(root, project);
            var rule = GoverningRule(root, project);
            if (rule is null)
            {
                yield return $"{relative}: no README between it and the repository root has a \"May depend on:\" line.";
                continue;
            }
            var readme = Path.GetRelativePath(root, rule.ReadmePath);
            var allowed = new List<string>();
            foreach (var name in rule.Names)
            {
                var resolved = Resolve(root, allProjects, name);
                if (resolved.Count == 0)
                {
                    yield return $"{readme}: \"May depend on:\" names `{name}`, which is neither a top-level folder nor a project.";
                }
                allowed.AddRange(resolved);
            }
            foreach (var reference in ProjectGraph.ReferencesOf(project))
            {
                if (!ProjectGraph.IsUnder(reference, rule.Folder) && !allowed.Contains(reference, StringComparer.Ordinal))
                {
                    yield return $"{relative} references {Path.GetRelativePath(root, reference)}, which {readme} does not allow (\"May depend on:\" {string.Join(", ", rule.Names.Select(n => $"`{n}`"))}).";
                }
            }
        }
    }

    /// <summary>The nearest README at or above the project's folder (below the root README) that states a rule.</summary>
    private static DependencyRule? GoverningRule(string root, string project)
    {
        for (var directory = Path.GetDirectoryName(project); directory is not null && directory != root; directory = Path.GetDirectoryName(directory))
        {
            var readme = Path.Combine(directory, "README.md");
            if (File.Exists(readme) && DependencyRule.Read(readme) is { } rule)
            {
                return rule;
            }
        }
        return null;
    }

    private static List<string> Resolve(string root, List<string> projects, string name)
    {
        var folder = Path.Combine(root, name);
        if (!name.Contains('/', StringComparison.Ordinal) && Directory.Exists(folder))
        {
            return projects.Where(p => ProjectGraph.IsUnder(p, folder)).ToList();
        }
        return projects.Where(p => Path.GetFileNameWithoutExtension(p) == name).ToList();
    }
}
