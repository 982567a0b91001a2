namespace Choreo.Worker.Runtime.Events;

/// <summary>
/// EventBridge refused a request or some entries, after the retries the policy allows. <see cref="ErrorCode"/>
/// is EventBridge's code (of the first failed entry when several failed); <see cref="FailedEntries"/> names
/// every event that was not accepted (empty when the whole request was refused before any entry was judged).
/// </summary>
public sealed class PutEventsFailedException(string errorCode, string message, IReadOnlyList<FailedEventEntry>? failedEntries = null)
    : Exception($"EventBridge PutEvents failed: {errorCode}: {message}")
{
    public string ErrorCode { get; } = errorCode;

    public IReadOnlyList<FailedEventEntry> FailedEntries { get; } = failedEntries ?? [];
}
