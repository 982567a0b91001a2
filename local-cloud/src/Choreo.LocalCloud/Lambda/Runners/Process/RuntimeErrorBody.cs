using System.Text.Json.Serialization;

namespace Choreo.LocalCloud.Lambda.Runners.Process;

/// <summary>What a runtime posts to invocation/{id}/error or init/error.</summary>
internal sealed record RuntimeErrorBody(
    [property: JsonPropertyName("errorType")] string? ErrorType,
    [property: JsonPropertyName("errorMessage")] string? ErrorMessage);
