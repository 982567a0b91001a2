using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Choreo.LocalCloud.Hosting;

namespace Choreo.LocalCloud.Sqs.Api;

/// <summary>
/// The rules SQS applies to every batch request (1 to 10 entries, distinct ids of at most 80 letters, digits, hyphens
/// and underscores, refused as a whole with SQS's error names), and its answer: each entry succeeds or fails on its own,
/// listed under <c>Successful</c> or <c>Failed</c> by its id.
/// </summary>
internal static partial class SqsBatch
{
    public const int MaxEntries = 10;

    public static IReadOnlyList<JsonObject> Entries(JsonObject body, string entryName)
    {
        var entries = (body["Entries"] as JsonArray ?? []).Select(entry => entry as JsonObject ?? []).ToList();
        if (entries.Count == 0)
        {
            throw new AwsServiceException("EmptyBatchRequest", $"There should be at least one {entryName} in the request.");
        }

        if (entries.Count > MaxEntries)
        {
            throw new AwsServiceException("TooManyEntriesInBatchRequest",
                $"Maximum number of entries per request are {MaxEntries}. You have sent {entries.Count}.");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            var id = entry["Id"]?.ToString() ?? "";
            if (!EntryId().IsMatch(id))
            {
                throw new AwsServiceException("InvalidBatchEntryId",
                    "A batch entry id can only contain alphanumeric characters, hyphens and underscores. It can be at most 80 letters long.");
            }

            if (!seen.Add(id))
            {
                throw new AwsServiceException("BatchEntryIdsNotDistinct", $"Id {id} repeated.");
            }
        }

        return entries;
    }

    public static JsonObject Answer(IReadOnlyList<JsonObject> entries, Func<JsonObject, JsonObject> perform)
    {
        var successful = new JsonArray();
        var failed = new JsonArray();
        foreach (var entry in entries)
        {
            var id = entry["Id"]!.ToString();
            try
            {
                var result = perform(entry);
                result["Id"] = id;
                successful.Add(result);
            }
            catch (AwsServiceException e)
            {
                failed.Add(new JsonObject { ["Id"] = id, ["SenderFault"] = true, ["Code"] = e.ErrorCode, ["Message"] = e.Message });
            }
        }

        return new JsonObject { ["Successful"] = successful, ["Failed"] = failed };
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,80}$", RegexOptions.NonBacktracking, matchTimeoutMilliseconds: 250)]
    private static partial Regex EntryId();
}
