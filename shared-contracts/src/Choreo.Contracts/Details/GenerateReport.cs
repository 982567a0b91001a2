using System.Text.Json.Serialization;

namespace Choreo.Contracts.Details;

/// <summary><c>generateReport</c>: fan in; the worker reads every final file by its known key.</summary>
public sealed record GenerateReport(
    [property: JsonPropertyName("TaskToken")] string TaskToken,
    [property: JsonPropertyName("execution")] string Execution,
    [property: JsonPropertyName("stateName")] string StateName,
    [property: JsonPropertyName("names")] IReadOnlyList<string> Names,
    [property: JsonPropertyName("meta")] Meta? Meta = null) : ITaskDetail;
