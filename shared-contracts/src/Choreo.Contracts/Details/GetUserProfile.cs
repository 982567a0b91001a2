using System.Text.Json.Serialization;

namespace Choreo.Contracts.Details;

/// <summary><c>getUserProfile</c>: one Map item; <see cref="Index"/> keys the work because names repeat.</summary>
public sealed record GetUserProfile(
    [property: JsonPropertyName("TaskToken")] string TaskToken,
    [property: JsonPropertyName("execution")] string Execution,
    [property: JsonPropertyName("stateName")] string StateName,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("index")] int Index,
    [property: JsonPropertyName("meta")] Meta? Meta = null) : ITaskDetail;
