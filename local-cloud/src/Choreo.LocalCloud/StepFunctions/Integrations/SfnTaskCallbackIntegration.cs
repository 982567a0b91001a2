using System.Text.Json;
using System.Text.Json.Nodes;
using Choreo.LocalCloud.Hosting;
using Choreo.LocalCloud.StepFunctions.Asl.Json;
using Choreo.LocalCloud.StepFunctions.Execution;

namespace Choreo.LocalCloud.StepFunctions.Integrations;

/// <summary>
/// <c>arn:aws:states:::aws-sdk:sfn:sendTaskSuccess</c> / <c>sendTaskFailure</c> / <c>sendTaskHeartbeat</c> against this
/// local-cloud, as the execution's account. API errors become <c>Sfn.TaskTimedOutException</c>, <c>Sfn.InvalidTokenException</c>…
/// </summary>
public sealed class SfnTaskCallbackIntegration(TaskTokenStore tokens) : ITaskIntegration
{
    public bool Handles(TaskResource resource) =>
        resource.Service == "aws-sdk:sfn" && resource.Action is "sendTaskSuccess" or "sendTaskFailure" or "sendTaskHeartbeat";

    public Task<JsonNode?> InvokeAsync(TaskCall call, CancellationToken cancellationToken)
    {
        var parameters = call.Parameters as JsonObject;
        var token = JsonText.TryGetString(parameters?["TaskToken"], out var t) ? t : null;
        try
        {
            switch (call.Resource.Action)
            {
                case "sendTaskSuccess":
                    tokens.Succeed(call.Account, token, ReadOutput(parameters?["Output"]));
                    break;
                case "sendTaskFailure":
                    tokens.Fail(call.Account, token, Text(parameters?["Error"]), Text(parameters?["Cause"]));
                    break;
                default:
                    tokens.Heartbeat(call.Account, token);
                    break;
            }
        }
        catch (AwsServiceException e)
        {
            var name = e.ErrorCode.EndsWith("Exception", StringComparison.Ordinal) ? e.ErrorCode : e.ErrorCode + "Exception";
            throw new StatesFailure(
                $"Sfn.{name}",
                $"{e.Message} (Service: Sfn, Status Code: {e.StatusCode}, Error Code: {e.ErrorCode}, Request ID: {Guid.NewGuid()})");
        }

        return Task.FromResult<JsonNode?>(new JsonObject());
    }

    /// <summary>Output may arrive as a JSON string or as an object (stringified first, as the SDK would send it).</summary>
    private static JsonNode? ReadOutput(JsonNode? output)
    {
        if (!JsonText.TryGetString(output, out var text))
        {
            return output?.DeepClone();
        }

        try
        {
            return JsonText.Parse(text);
        }
        catch (JsonException)
        {
            throw new StatesFailure("Sfn.InvalidOutputException", $"Invalid Output: '{text}' is not valid JSON");
        }
    }

    private static string? Text(JsonNode? node) => node is null ? null : JsonText.TryGetString(node, out var s) ? s : JsonText.Serialize(node);
}
