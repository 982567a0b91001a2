namespace Choreo.Worker.Runtime.Events;

/// <summary>EventBridge refused a request or an entry; <see cref="ErrorCode"/> is EventBridge's code.</summary>
public sealed class PutEventsFailedException(string errorCode, string message)
    : Exception($"EventBridge PutEvents failed: {errorCode}: {message}")
{
    public string ErrorCode { get; } = errorCode;
}
