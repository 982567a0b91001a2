using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Choreo.LocalCloud.Services;
using Choreo.LocalCloud.StepFunctions.Asl.Distributed;
using Choreo.LocalCloud.StepFunctions.Asl.Json;
using Choreo.LocalCloud.StepFunctions.Execution;

namespace Choreo.LocalCloud.StepFunctions.MapRuns;

/// <summary>
/// Reads a Distributed Map's items from S3 as the state machine's account: a JSON array, JSON Lines, CSV rows
/// (as objects keyed by header) or the objects under a prefix. Every failure is States.ItemReaderFailed.
/// </summary>
public sealed class S3ItemSource(IBucketObjects? buckets, string accountId)
{
    public const string ItemReaderFailed = "States.ItemReaderFailed";

    public List<JsonNode?> Read(ItemReaderDefinition reader, JsonNode? parameters, int maxItems)
    {
        if (buckets is null)
        {
            throw new StatesFailure(ItemReaderFailed, "local-cloud was started without S3, so an ItemReader cannot read items");
        }

        var bucket = Field(parameters, "Bucket") ?? throw new StatesFailure(ItemReaderFailed, "The ItemReader Parameters must name a Bucket");
        try
        {
            var items = reader.Resource == ItemReaderResource.ListObjectsV2
                ? List(bucket, Field(parameters, "Prefix") ?? string.Empty)
                : Parse(reader, buckets.GetObject(accountId, bucket, Field(parameters, "Key")
                    ?? throw new StatesFailure(ItemReaderFailed, "The ItemReader Parameters must name a Key")));
            return maxItems > 0 && items.Count > maxItems ? items.GetRange(0, maxItems) : items;
        }
        catch (BucketAccessException e)
        {
            throw new StatesFailure(ItemReaderFailed, $"S3 refused to give the ItemReader s3://{bucket}: {e.Code}: {e.Message}");
        }
    }

    private List<JsonNode?> List(string bucket, string prefix) =>
        buckets!.ListObjects(accountId, bucket, prefix).Select(o => (JsonNode?)new JsonObject
        {
            ["Etag"] = o.ETag,
            ["LastModified"] = ContextObject.FormatTime(o.LastModified),
            ["Key"] = o.Key,
            ["Size"] = o.Size,
            ["StorageClass"] = "STANDARD",
        }).ToList();

    private static List<JsonNode?> Parse(ItemReaderDefinition reader, byte[] data)
    {
        var text = Encoding.UTF8.GetString(data);
        return reader.InputType switch
        {
            "JSON" => ParseJson(text),
            "JSONL" => ParseJsonLines(text),
            _ => ParseCsv(reader, text),
        };
    }

    private static List<JsonNode?> ParseJson(string text)
    {
        JsonNode? root;
        try
        {
            root = JsonText.Parse(text);
        }
        catch (JsonException e)
        {
            throw new StatesFailure(ItemReaderFailed, $"The object is not valid JSON: {e.Message}");
        }

        if (root is not JsonArray array)
        {
            throw new StatesFailure(ItemReaderFailed, "Attempting to map over non-iterable node.");
        }

        // Clearing detaches the items from the array, so each can become a child's input as it is.
        var items = array.ToList();
        array.Clear();
        return items;
    }

    private static List<JsonNode?> ParseJsonLines(string text)
    {
        var items = new List<JsonNode?>();
        var line = 0;
        foreach (var raw in text.Split('\n'))
        {
            line++;
            var trimmed = raw.TrimEnd('\r');
            if (trimmed.Trim().Length == 0)
            {
                continue;
            }

            try
            {
                items.Add(JsonText.Parse(trimmed));
            }
            catch (JsonException e)
            {
                throw new StatesFailure(ItemReaderFailed, $"Line {line} of the JSONL object is not valid JSON: {e.Message}");
            }
        }

        return items;
    }

    private static List<JsonNode?> ParseCsv(ItemReaderDefinition reader, string text)
    {
        var rows = CsvRows.Parse(text);
        IReadOnlyList<string> headers;
        var first = 0;
        if (reader.CsvHeaderLocation == "GIVEN")
        {
            headers = reader.CsvHeaders ?? [];
        }
        else
        {
            if (rows.Count == 0)
            {
                return [];
            }

            headers = rows[0];
            first = 1;
        }

        if (headers.Distinct(StringComparer.Ordinal).Count() != headers.Count)
        {
            throw new StatesFailure(ItemReaderFailed, "CSV headers cannot contain duplicates.");
        }

        var items = new List<JsonNode?>(rows.Count - first);
        for (var r = first; r < rows.Count; r++)
        {
            var row = rows[r];

            // As on AWS, fields past the last header are dropped and missing ones are empty strings.
            var item = new JsonObject();
            for (var h = 0; h < headers.Count; h++)
            {
                item[headers[h]] = h < row.Count ? row[h] : string.Empty;
            }

            items.Add(item);
        }

        return items;
    }

    private static string? Field(JsonNode? parameters, string name) =>
        parameters is JsonObject obj && JsonText.TryGetString(obj[name], out var value) ? value : null;
}
