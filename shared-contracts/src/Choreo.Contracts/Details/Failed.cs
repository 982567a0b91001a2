using System.Text.Json.Serialization;

namespace Choreo.Contracts.Details;

/// <summary>
/// <c>failed</c>: a step failed. <see cref="Error"/> is a short code such as <c>Worker.ProfileUnreadable</c>,
/// <see cref="Cause"/> a sentence a person understands; the finisher hands both to SendTaskFailure.
/// </summary>
public sealed record Failed(
    [property: JsonPropertyName("TaskToken")] string TaskToken,
    [property: JsonPropertyName("execution")] string Execution,
    [property: JsonPropertyName("error")] string Error,
    [property: JsonPropertyName("cause")] string Cause,
    [property: JsonPropertyName("stateName")] string? StateName = null,
    [property: JsonPropertyName("meta")] Meta? Meta = null) : ITaskDetail
{
    /// <summary>Step Functions refuses a SendTaskFailure cause longer than this.</summary>
    public const int MaxCauseLength = 32_768;

    /// <summary>Step Functions refuses a SendTaskFailure error longer than this.</summary>
    public const int MaxErrorLength = 256;
}
