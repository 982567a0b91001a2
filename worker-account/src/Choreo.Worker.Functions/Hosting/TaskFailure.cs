namespace Choreo.Worker.Functions.Hosting;

/// <summary>A failure to report for a task token, with what is known of the event that carried it.</summary>
public sealed record TaskFailure(
    string TaskToken,
    string? Execution,
    string? StateName,
    string Code,
    string Cause,
    string? Account,
    string? Source,
    string? DetailType,
    string? StackTrace = null);
