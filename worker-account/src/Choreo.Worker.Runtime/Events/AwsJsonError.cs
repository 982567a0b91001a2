using System.Text.Json.Serialization;

namespace Choreo.Worker.Runtime.Events;

/// <summary>An awsJson error body: <c>__type</c> (sometimes prefixed with a namespace and <c>#</c>) and a message.</summary>
public sealed record AwsJsonError(
    [property: JsonPropertyName("__type")] string? Type = null,
    [property: JsonPropertyName("message")] string? Message = null,
    [property: JsonPropertyName("Message")] string? MessageUpper = null);
