using System.Text.Json.Serialization;

namespace Choreo.Worker.Runtime.Events;

/// <summary>The PutEvents request body.</summary>
public sealed record PutEventsRequest([property: JsonPropertyName("Entries")] IReadOnlyList<PutEventsRequestEntry> Entries);
