namespace Choreo.LocalCloud.Hosting;

/// <summary>An error as AWS returns it: HTTP status, error code (the <c>__type</c>) and message.</summary>
public class AwsServiceException(string errorCode, string message, int statusCode = 400) : Exception(message)
{
    public string ErrorCode { get; } = errorCode;
    public int StatusCode { get; } = statusCode;
}
