using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Choreo.LocalCloud.EventBridge.Model;

/// <summary>
/// An event as a bus accepted it: the envelope AWS delivers (version, id, detail-type, source, account, time,
/// region, resources, detail), its JSON text, and when it was ingested (retries count its age from then).
/// </summary>
public sealed class IngestedEvent
{
    private IngestedEvent(string id, string source, string detailType, string account, string region, string json, DateTimeOffset ingestedAt)
    {
        Id = id;
        Source = source;
        DetailType = detailType;
        Account = account;
        Region = region;
        Json = json;
        IngestedAt = ingestedAt;
        Element = JsonDocument.Parse(json).RootElement.Clone();
    }

    public string Id { get; }
    public string Source { get; }
    public string DetailType { get; }
    public string Account { get; }
    public string Region { get; }
    public string Json { get; }
    public JsonElement Element { get; }
    public DateTimeOffset IngestedAt { get; }

    public static IngestedEvent Create(string source, string detailType, JsonNode detail, string account, string region,
        IReadOnlyList<string> resources, DateTimeOffset time, DateTimeOffset ingestedAt)
    {
        var id = Guid.NewGuid().ToString();
        var resourceArray = new JsonArray();
        foreach (var resource in resources)
        {
            resourceArray.Add(resource);
        }
        var envelope = new JsonObject
        {
            ["version"] = "0",
            ["id"] = id,
            ["detail-type"] = detailType,
            ["source"] = source,
            ["account"] = account,
            ["time"] = time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["region"] = region,
            ["resources"] = resourceArray,
            ["detail"] = detail,
        };
        return new IngestedEvent(id, source, detailType, account, region, envelope.ToJsonString(EventJson.WriteOptions), ingestedAt);
    }

    /// <summary>The same event arriving on another bus (bus-to-bus targets keep id, account and time, as AWS does).</summary>
    public IngestedEvent Forwarded(DateTimeOffset ingestedAt) => new(Id, Source, DetailType, Account, Region, Json, ingestedAt);
}
