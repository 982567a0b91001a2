using System.Text.Json.Nodes;
using Choreo.LocalCloud.Hosting;
using Choreo.LocalCloud.Services;
using Choreo.LocalCloud.StepFunctions.Asl.Json;
using Choreo.LocalCloud.StepFunctions.Execution;

namespace Choreo.LocalCloud.StepFunctions.Integrations;

/// <summary>
/// <c>arn:aws:states:::events:putEvents</c> (and <c>.waitForTaskToken</c>) through local-cloud's EventBridge:
/// Detail objects are stringified, the execution and state machine ARNs are appended to Resources, and a
/// response with FailedEntryCount &gt; 0 fails the task with <c>EventBridge.FailedEntry</c>.
/// </summary>
public sealed class EventBridgePutEventsIntegration(IEventBusGateway gateway) : ITaskIntegration
{
    public bool Handles(TaskResource resource) => resource.Service == "events" && resource.Action == "putEvents";

    public async Task<JsonNode?> InvokeAsync(TaskCall call, CancellationToken cancellationToken)
    {
        if (call.Parameters?["Entries"] is not JsonArray entries)
        {
            throw new StatesFailure("EventBridge.ValidationException", "The field 'Entries' is required and must be an array");
        }

        var requests = new List<PutEventsEntry>(entries.Count);
        foreach (var entry in entries)
        {
            if (entry is not JsonObject e)
            {
                throw new StatesFailure("EventBridge.ValidationException", "Each entry of 'Entries' must be an object");
            }

            var detail = e["Detail"] switch
            {
                null => null,
                var d when JsonText.TryGetString(d, out var text) => text,
                var d => JsonText.Serialize(d),
            };
            var resources = new List<string>();
            if (e["Resources"] is JsonArray given)
            {
                resources.AddRange(given.Select(r => JsonText.TryGetString(r, out var s) ? s : JsonText.Serialize(r)));
            }

            resources.Add(call.ExecutionArn);
            resources.Add(call.StateMachineArn);
            DateTimeOffset? time = JsonText.TryGetString(e["Time"], out var t) && DateTimeOffset.TryParse(t, out var parsed) ? parsed : null;
            requests.Add(new PutEventsEntry(Text(e["Source"]), Text(e["DetailType"]), detail, Text(e["EventBusName"]), resources, time));
        }

        PutEventsResult result;
        try
        {
            result = await gateway.PutEventsAsync(call.Account, requests, cancellationToken).ConfigureAwait(false);
        }
        catch (AwsServiceException e)
        {
            throw new StatesFailure($"EventBridge.{e.ErrorCode}", $"{e.Message} (Service: EventBridge, Status Code: {e.StatusCode}, Error Code: {e.ErrorCode})");
        }

        var output = new JsonObject
        {
            ["Entries"] = new JsonArray(result.Entries.Select(r =>
            {
                var o = new JsonObject();
                if (r.EventId is not null)
                {
                    o["EventId"] = r.EventId;
                }

                if (r.ErrorCode is not null)
                {
                    o["ErrorCode"] = r.ErrorCode;
                    o["ErrorMessage"] = r.ErrorMessage;
                }

                return (JsonNode?)o;
            }).ToArray()),
            ["FailedEntryCount"] = result.FailedEntryCount,
        };

        if (result.FailedEntryCount > 0)
        {
            throw new StatesFailure("EventBridge.FailedEntry", JsonText.Serialize(output));
        }

        return output;
    }

    private static string? Text(JsonNode? node) => node is null ? null : JsonText.TryGetString(node, out var s) ? s : JsonText.Serialize(node);
}
