using System.Text.Json.Serialization;

namespace Choreo.Contracts.Wire;

/// <summary>The EventBridge event as a target receives it, generic over its detail.</summary>
public sealed record EventEnvelope<TDetail>(
    [property: JsonPropertyName("version")] string Version,
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("detail-type")] string DetailType,
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("account")] string Account,
    [property: JsonPropertyName("time")] DateTimeOffset Time,
    [property: JsonPropertyName("region")] string Region,
    [property: JsonPropertyName("resources")] IReadOnlyList<string> Resources,
    [property: JsonPropertyName("detail")] TDetail Detail);
