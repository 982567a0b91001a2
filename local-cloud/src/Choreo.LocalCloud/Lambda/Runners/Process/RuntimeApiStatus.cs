using System.Text.Json.Serialization;

namespace Choreo.LocalCloud.Lambda.Runners.Process;

/// <summary>The Runtime API's 202 body.</summary>
internal sealed record RuntimeApiStatus([property: JsonPropertyName("status")] string Status);
