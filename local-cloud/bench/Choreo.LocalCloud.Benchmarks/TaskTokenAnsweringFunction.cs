using System.Text.Json.Nodes;
using Choreo.LocalCloud.Accounts;
using Choreo.LocalCloud.Lambda.Runners;
using Choreo.LocalCloud.Lambda.Runners.InProcess;
using Choreo.LocalCloud.StepFunctions.Api;

namespace Choreo.LocalCloud.Benchmarks;

/// <summary>
/// The worker side of the round trip: an in-process Lambda that EventBridge invokes with each event and that
/// answers the event's <c>detail.TaskToken</c> with SendTaskSuccess through the Step Functions API.
/// </summary>
public sealed class TaskTokenAnsweringFunction(Func<StepFunctionsService> stepFunctions, AccountContext caller) : IInProcessFunction
{
    public async Task<string?> InvokeAsync(string eventJson, LambdaInvocationContext context, CancellationToken cancellationToken)
    {
        var token = JsonNode.Parse(eventJson)?["detail"]?["TaskToken"]?.GetValue<string>()
            ?? throw new InvalidOperationException($"Event for {context.FunctionName} has no detail.TaskToken: {eventJson}");
        await stepFunctions().HandleAsync(
            "SendTaskSuccess",
            new JsonObject { ["taskToken"] = token, ["output"] = "{\"ok\":true}" },
            caller,
            cancellationToken).ConfigureAwait(false);
        return null;
    }
}
