using System.Text.Json.Serialization;

namespace Choreo.Contracts.Details;

/// <summary>
/// <c>start</c>: the run options. None is required, so the article's
/// <c>aws events put-events ... DetailType=start,Detail="{}"</c> still starts a run.
/// </summary>
public sealed record Start(
    [property: JsonPropertyName("people")] int? People = null,
    [property: JsonPropertyName("seed")] int? Seed = null);
