using System.Text.Json.Serialization;

namespace Choreo.LocalCloud.Lambda.Runners.Process;

/// <summary>The Runtime API's error body for a bad request from the runtime.</summary>
internal sealed record RuntimeApiError(
    [property: JsonPropertyName("errorType")] string ErrorType,
    [property: JsonPropertyName("errorMessage")] string ErrorMessage);
