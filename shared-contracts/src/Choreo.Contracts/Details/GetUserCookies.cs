using System.Text.Json.Serialization;

namespace Choreo.Contracts.Details;

/// <summary><c>getUserCookies</c>: the profile is a presigned GET URL, so bulky data stays in S3.</summary>
public sealed record GetUserCookies(
    [property: JsonPropertyName("TaskToken")] string TaskToken,
    [property: JsonPropertyName("execution")] string Execution,
    [property: JsonPropertyName("stateName")] string StateName,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("index")] int Index,
    [property: JsonPropertyName("profile")] string Profile,
    [property: JsonPropertyName("meta")] Meta? Meta = null) : ITaskDetail;
