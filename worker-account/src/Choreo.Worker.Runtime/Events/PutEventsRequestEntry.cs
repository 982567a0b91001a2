using System.Text.Json.Serialization;

namespace Choreo.Worker.Runtime.Events;

/// <summary>An entry of the PutEvents request body (awsJson 1.1 member names).</summary>
public sealed record PutEventsRequestEntry(
    [property: JsonPropertyName("EventBusName")] string EventBusName,
    [property: JsonPropertyName("Source")] string Source,
    [property: JsonPropertyName("DetailType")] string DetailType,
    [property: JsonPropertyName("Detail")] string Detail);
