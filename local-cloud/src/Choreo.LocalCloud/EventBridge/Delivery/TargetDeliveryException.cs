namespace Choreo.LocalCloud.EventBridge.Delivery;

/// <summary>
/// A failed delivery attempt, with the error code EventBridge puts on dead letters (<c>NO_PERMISSIONS</c>,
/// <c>RESOURCE_NOT_FOUND</c>, <c>SDK_CLIENT_ERROR</c>, ...). Permission and missing-resource errors are not
/// retried, as AWS documents: they go straight to the dead-letter queue.
/// </summary>
public sealed class TargetDeliveryException(string errorCode, string message, bool retriable) : Exception(message)
{
    public const string NoPermissions = "NO_PERMISSIONS";
    public const string ResourceNotFound = "RESOURCE_NOT_FOUND";
    public const string ClientError = "SDK_CLIENT_ERROR";

    public string ErrorCode { get; } = errorCode;
    public bool Retriable { get; } = retriable;
}
