using System.Text.Json.Serialization;

namespace Choreo.Contracts.Details;

/// <summary><c>getUsers</c>: the main state machine asks the worker for the people to process.</summary>
public sealed record GetUsers(
    [property: JsonPropertyName("TaskToken")] string TaskToken,
    [property: JsonPropertyName("execution")] string Execution,
    [property: JsonPropertyName("stateName")] string StateName,
    [property: JsonPropertyName("options")] Start? Options = null,
    [property: JsonPropertyName("meta")] Meta? Meta = null) : ITaskDetail;
