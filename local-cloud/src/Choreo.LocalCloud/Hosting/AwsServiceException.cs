using System.Text.Json.Nodes;

namespace Choreo.LocalCloud.Hosting;

/// <summary>
/// An error as AWS returns it: HTTP status, error code (the <c>__type</c>) and message, plus any fields the service
/// adds to its error body (DynamoDB's <c>CancellationReasons</c> or the <c>Item</c> of a failed condition).
/// </summary>
public class AwsServiceException(string errorCode, string message, int statusCode = 400) : Exception(message)
{
    public string ErrorCode { get; } = errorCode;
    public int StatusCode { get; } = statusCode;
    public JsonObject? Fields { get; init; }
}
