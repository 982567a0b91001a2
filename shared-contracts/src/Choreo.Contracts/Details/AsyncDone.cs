using System.Text.Json.Serialization;

namespace Choreo.Contracts.Details;

/// <summary><c>async.done</c>: a side effect finished; nobody in the flow waits for it (observability).</summary>
public sealed record AsyncDone(
    [property: JsonPropertyName("execution")] string Execution,
    [property: JsonPropertyName("processed")] string Processed,
    [property: JsonPropertyName("index")] int? Index = null,
    [property: JsonPropertyName("meta")] Meta? Meta = null);
