namespace Choreo.Worker.Runtime.Events;

/// <summary>A PutEvents request that failed in a way worth another attempt (throttled, 5xx, no answer); never leaves the client.</summary>
internal sealed class RetryableRequestException(string errorCode, string message) : Exception(message)
{
    public string ErrorCode { get; } = errorCode;
}
