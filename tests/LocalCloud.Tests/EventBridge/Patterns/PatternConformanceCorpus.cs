using System.Text.Json;

namespace LocalCloud.Tests.EventBridge.Patterns;

/// <summary>
/// The AWS-recorded EventBridge pattern cases of <c>tests/conformance/eventbridge</c>, copied beside the test
/// assembly by the project file.
/// </summary>
public static class PatternConformanceCorpus
{
    private static readonly Lazy<IReadOnlyDictionary<string, PatternCase>> Cases = new(Load);

    public static IReadOnlyDictionary<string, PatternCase> All => Cases.Value;

    public static IEnumerable<object[]> Ids() => All.Keys.Order(StringComparer.Ordinal).Select(id => new object[] { id });

    private static IReadOnlyDictionary<string, PatternCase> Load()
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "Conformance", "eventbridge");
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"EventBridge conformance corpus not found at {directory}; it is copied from tests/conformance at build time");
        }
        var cases = new Dictionary<string, PatternCase>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(directory, "*.json"))
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            var root = document.RootElement;
            var id = root.GetProperty("id").GetString()!;
            string? errorCode = null;
            string? errorMessage = null;
            if (root.TryGetProperty("error", out var error))
            {
                errorCode = error.GetProperty("code").GetString();
                errorMessage = error.GetProperty("message").GetString();
            }
            cases[id] = new PatternCase(
                id,
                root.GetProperty("pattern").GetRawText(),
                root.GetProperty("event").GetRawText(),
                root.GetProperty("expected").GetString()!,
                errorCode,
                errorMessage);
        }
        if (cases.Count == 0)
        {
            throw new InvalidDataException($"EventBridge conformance corpus at {Path.GetFullPath(directory)} holds no cases");
        }
        return cases;
    }
}
