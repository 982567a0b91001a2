using System.Text.Json.Serialization;

namespace Choreo.Worker.Runtime.Events;

/// <summary>The PutEvents response body; entries are in request order.</summary>
public sealed record PutEventsResponse(
    [property: JsonPropertyName("FailedEntryCount")] int FailedEntryCount = 0,
    [property: JsonPropertyName("Entries")] IReadOnlyList<PutEventsResultEntry>? Entries = null);
