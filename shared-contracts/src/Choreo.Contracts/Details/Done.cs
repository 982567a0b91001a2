using System.Text.Json.Serialization;

namespace Choreo.Contracts.Details;

/// <summary>
/// <c>done</c>: a step finished. The finisher sends the whole detail as the task's output, so the
/// result fields sit at the top level where the main state machine's ResultSelector picks them:
/// <c>names</c> (getUsers), <c>processed</c> (one person), and <c>numberOfPeople</c>,
/// <c>totalCookiesConsumed</c>, <c>report</c> (the report's S3 key) for generateReport.
/// </summary>
public sealed record Done(
    [property: JsonPropertyName("TaskToken")] string TaskToken,
    [property: JsonPropertyName("execution")] string Execution,
    [property: JsonPropertyName("stateName")] string? StateName = null,
    [property: JsonPropertyName("names")] IReadOnlyList<string>? Names = null,
    [property: JsonPropertyName("index")] int? Index = null,
    [property: JsonPropertyName("processed")] string? Processed = null,
    [property: JsonPropertyName("numberOfPeople")] int? NumberOfPeople = null,
    [property: JsonPropertyName("totalCookiesConsumed")] int? TotalCookiesConsumed = null,
    [property: JsonPropertyName("report")] string? Report = null,
    [property: JsonPropertyName("meta")] Meta? Meta = null) : ITaskDetail;
