using Choreo.Contracts.Details;

namespace Choreo.Worker.Functions.Errors;

/// <summary>
/// Fits a cause into what SendTaskFailure accepts (<see cref="Failed.MaxCauseLength"/> characters). A cut cause
/// says so and points to the log line, keyed by request id, that holds the whole text.
/// </summary>
public static class FailedCause
{
    public static bool NeedsTruncation(string cause) => cause.Length > Failed.MaxCauseLength;

    public static string Fit(string cause, string requestId)
    {
        if (!NeedsTruncation(cause))
        {
            return cause;
        }
        var marker = $" [truncated from {cause.Length} characters; the full cause is logged with request id {requestId}]";
        return string.Concat(cause.AsSpan(0, Failed.MaxCauseLength - marker.Length), marker);
    }
}
