using System.Text.Json.Serialization;

namespace Choreo.Worker.Runtime.Events;

/// <summary>One result entry: an <see cref="EventId"/> when accepted, an error code and message when not.</summary>
public sealed record PutEventsResultEntry(
    [property: JsonPropertyName("EventId")] string? EventId = null,
    [property: JsonPropertyName("ErrorCode")] string? ErrorCode = null,
    [property: JsonPropertyName("ErrorMessage")] string? ErrorMessage = null);
