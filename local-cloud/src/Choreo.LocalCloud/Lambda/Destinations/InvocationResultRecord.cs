using System.Text.Json.Nodes;

namespace Choreo.LocalCloud.Lambda.Destinations;

/// <summary>
/// The record Lambda sends to an asynchronous invocation's destination, in AWS's shape
/// (version, timestamp, requestContext, requestPayload, responseContext, responsePayload).
/// </summary>
public static class InvocationResultRecord
{
    public const string Source = "lambda";
    public const string FailureDetailType = "Lambda Function Invocation Result - Failure";
    public const string SuccessDetailType = "Lambda Function Invocation Result - Success";

    public static JsonObject Build(
        string requestId, string functionArn, string condition, int approximateInvokeCount,
        string requestPayload, string? functionError, JsonNode? responsePayload, DateTimeOffset timestamp)
    {
        var responseContext = new JsonObject { ["statusCode"] = 200, ["executedVersion"] = "$LATEST" };
        if (functionError is not null)
        {
            responseContext["functionError"] = functionError;
        }
        return new JsonObject
        {
            ["version"] = "1.0",
            ["timestamp"] = timestamp.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture),
            ["requestContext"] = new JsonObject
            {
                ["requestId"] = requestId,
                ["functionArn"] = functionArn + ":$LATEST",
                ["condition"] = condition,
                ["approximateInvokeCount"] = approximateInvokeCount,
            },
            ["requestPayload"] = ParseOrString(requestPayload),
            ["responseContext"] = responseContext,
            ["responsePayload"] = responsePayload,
        };
    }

    private static JsonNode? ParseOrString(string payload)
    {
        try
        {
            return JsonNode.Parse(payload);
        }
        catch (System.Text.Json.JsonException)
        {
            return JsonValue.Create(payload);
        }
    }
}
