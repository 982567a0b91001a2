namespace Choreo.Worker.Functions.Storage;

/// <summary>
/// Where a run's files live. Keys derive from the execution and the Map item index, never from names
/// (names repeat), so a redelivered event overwrites its own file instead of another person's.
/// </summary>
public static class ObjectKeys
{
    /// <summary>
    /// The tag that marks basic-/final- objects for the bucket's expiry rule (S3 lifecycle filters match key
    /// prefixes only, and these keys start with the execution). The worker stack's rule uses the same pair.
    /// </summary>
    public const string IntermediateTagKey = "choreo-lifecycle";
    public const string IntermediateTagValue = "intermediate";

    public static bool IsIntermediate(string key)
    {
        var name = key[(key.LastIndexOf('/') + 1)..];
        return name.StartsWith("basic-", StringComparison.Ordinal) || name.StartsWith("final-", StringComparison.Ordinal);
    }

    public static string Basic(string execution, int index) => $"{execution}/basic-{index}.json";

    public static string Final(string execution, int index) => $"{execution}/final-{index}.json";

    /// <summary>The article's report name; the leading 0 sorts it first in the console.</summary>
    public static string Report(string execution) => $"{execution}/0-cookies.json";
}
