using System.Text.Json.Nodes;

namespace LocalCloud.Tests.StepFunctions;

/// <summary>The shared Step Functions conformance cases (<c>shared/conformance/stepfunctions</c>) and the known-failures list.</summary>
public static class ConformanceCorpus
{
    public static string Root { get; } = FindRoot();

    public static IEnumerable<object[]> Cases() =>
        Directory.EnumerateFiles(Root, "*.json", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .Select(p => new object[] { p });

    public static JsonObject Load(string relativePath) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(Root, relativePath)))!.AsObject();

    /// <summary>Cases that cannot pass yet, with the reason: <c>path: reason</c> per line, <c>#</c> comments.</summary>
    public static IReadOnlyDictionary<string, string> KnownFailures()
    {
        var file = Path.Combine(AppContext.BaseDirectory, "StepFunctions", "known-failures.txt");
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in File.ReadAllLines(file))
        {
            var text = line.Trim();
            if (text.Length == 0 || text.StartsWith('#'))
            {
                continue;
            }

            var colon = text.IndexOf(": ", StringComparison.Ordinal);
            result[colon < 0 ? text : text[..colon]] = colon < 0 ? string.Empty : text[(colon + 2)..];
        }

        return result;
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Choreo.slnx")))
        {
            dir = dir.Parent;
        }

        if (dir?.Parent is null)
        {
            throw new InvalidOperationException("Choreo.slnx not found above the test directory: cannot locate ../shared");
        }

        return Path.Combine(dir.Parent.FullName, "shared", "conformance", "stepfunctions");
    }
}
