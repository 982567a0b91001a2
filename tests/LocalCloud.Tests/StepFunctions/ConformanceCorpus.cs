using System.Text.Json.Nodes;

namespace LocalCloud.Tests.StepFunctions;

/// <summary>
/// The AWS-recorded Step Functions cases of <c>tests/conformance/stepfunctions</c>, copied beside the test assembly
/// by the project file, and the known-failures list.
/// </summary>
public static class ConformanceCorpus
{
    public static string Root { get; } = Path.Combine(AppContext.BaseDirectory, "Conformance", "stepfunctions");

    public static IEnumerable<object[]> Cases()
    {
        if (!Directory.Exists(Root))
        {
            throw new DirectoryNotFoundException($"Step Functions conformance corpus not found at {Root}; it is copied from tests/conformance at build time");
        }

        return Directory.EnumerateFiles(Root, "*.json", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .Select(p => new object[] { p });
    }

    public static JsonObject Load(string relativePath) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(Root, relativePath)))!.AsObject();

    /// <summary>Cases that cannot pass yet, with the reason: <c>path: reason</c> per line, <c>#</c> comments.</summary>
    public static IReadOnlyDictionary<string, string> KnownFailures { get; } = ReadKnownFailures();

    private static Dictionary<string, string> ReadKnownFailures()
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
            result[colon < 0 ? text : text[..colon]] = colon < 0 ? "listed in known-failures.txt" : text[(colon + 2)..];
        }

        return result;
    }
}
