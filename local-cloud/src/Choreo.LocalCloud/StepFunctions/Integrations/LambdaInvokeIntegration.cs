using System.Text.Json;
using System.Text.Json.Nodes;
using Choreo.LocalCloud.Hosting;
using Choreo.LocalCloud.Services;
using Choreo.LocalCloud.StepFunctions.Asl.Json;
using Choreo.LocalCloud.StepFunctions.Execution;

namespace Choreo.LocalCloud.StepFunctions.Integrations;

/// <summary>
/// Lambda from a Task: <c>arn:aws:states:::lambda:invoke</c> (result <c>{ExecutedVersion, Payload, StatusCode, …}</c>)
/// and plain function ARNs (result: the payload). A function error fails the task with the function's
/// <c>errorType</c> as error name and its payload as cause.
/// </summary>
public sealed class LambdaInvokeIntegration(ILambdaInvoker invoker) : ITaskIntegration
{
    public bool Handles(TaskResource resource) =>
        resource.ResourceType == "lambda" && (resource.Action is "invoke" or "function");

    public async Task<JsonNode?> InvokeAsync(TaskCall call, CancellationToken cancellationToken)
    {
        var plain = call.Resource.Action == "function";
        string functionArn;
        string payload;
        var invocationType = LambdaInvocationType.RequestResponse;
        if (plain)
        {
            functionArn = call.Resource.Arn;
            payload = JsonText.Serialize(call.Parameters);
        }
        else
        {
            var parameters = call.Parameters as JsonObject;
            if (!JsonText.TryGetString(parameters?["FunctionName"], out functionArn))
            {
                throw new StatesFailure("Lambda.InvalidParameterValueException", "The field 'FunctionName' is required for lambda:invoke");
            }

            if (JsonText.TryGetString(parameters?["Qualifier"], out var qualifier))
            {
                functionArn = $"{functionArn}:{qualifier}";
            }

            var body = parameters?["Payload"];
            payload = body is null ? "{}" : JsonText.TryGetString(body, out var text) ? text : JsonText.Serialize(body);
            if (JsonText.TryGetString(parameters?["InvocationType"], out var type) && type == "Event")
            {
                invocationType = LambdaInvocationType.Event;
            }
        }

        LambdaInvokeResult result;
        try
        {
            result = await invoker.InvokeAsync(functionArn, payload, invocationType, cancellationToken).ConfigureAwait(false);
        }
        catch (AwsServiceException e)
        {
            var name = e.ErrorCode.EndsWith("Exception", StringComparison.Ordinal) ? e.ErrorCode : e.ErrorCode + "Exception";
            throw new StatesFailure($"Lambda.{name}", $"{e.Message} (Service: AWSLambda, Status Code: {e.StatusCode}, Error Code: {e.ErrorCode})");
        }

        var returned = ParsePayload(result.Payload);
        if (result.FunctionError is not null)
        {
            var errorType = returned is JsonObject error && JsonText.TryGetString(error["errorType"], out var t) ? t : plain ? "Lambda.Unknown" : "Lambda.Unknown";
            throw new StatesFailure(errorType, result.Payload ?? string.Empty);
        }

        if (plain)
        {
            return returned;
        }

        return new JsonObject
        {
            ["ExecutedVersion"] = "$LATEST",
            ["Payload"] = returned,
            ["SdkHttpMetadata"] = new JsonObject { ["HttpStatusCode"] = result.StatusCode },
            ["SdkResponseMetadata"] = new JsonObject { ["RequestId"] = Guid.NewGuid().ToString() },
            ["StatusCode"] = result.StatusCode,
        };
    }

    private static JsonNode? ParsePayload(string? payload)
    {
        if (string.IsNullOrEmpty(payload))
        {
            return null;
        }

        try
        {
            return JsonText.Parse(payload);
        }
        catch (JsonException)
        {
            return JsonValue.Create(payload);
        }
    }
}
