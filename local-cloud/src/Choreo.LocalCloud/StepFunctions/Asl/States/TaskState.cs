using System.Globalization;
using System.Text.Json.Nodes;
using Choreo.LocalCloud.StepFunctions.Asl.Json;
using Choreo.LocalCloud.StepFunctions.Asl.Paths;
using Choreo.LocalCloud.StepFunctions.Execution;
using Choreo.LocalCloud.StepFunctions.Integrations;

namespace Choreo.LocalCloud.StepFunctions.Asl.States;

/// <summary>Task: calls a service integration, optionally waits for a task token, with timeout and heartbeat.</summary>
public sealed class TaskState : RecoverableState
{
    /// <summary>AWS's default task timeout when none is set.</summary>
    public const int DefaultTimeoutSeconds = 99_999_999;

    public override string Type => "Task";

    public required TaskResource Resource { get; init; }

    public int? TimeoutSeconds { get; init; }

    public JsonPath? TimeoutSecondsPath { get; init; }

    public int? HeartbeatSeconds { get; init; }

    public JsonPath? HeartbeatSecondsPath { get; init; }

    protected override async Task<JsonNode?> ExecuteOnceAsync(StateInvocation invocation, JsonNode? effectiveInput)
    {
        var run = invocation.Run;
        var integration = run.Services.Integrations.FirstOrDefault(i => i.Handles(Resource))
            ?? throw StateError.Runtime($"The resource '{Resource.Arn}' is not supported by local-cloud (supported: events:putEvents, lambda:invoke, Lambda function ARNs, aws-sdk:sfn:sendTaskSuccess/sendTaskFailure/sendTaskHeartbeat)");

        PendingTaskToken? pending = null;
        if (Resource.Pattern == IntegrationPattern.WaitForTaskToken)
        {
            pending = run.Services.Tokens.Open(run.Account.AccountId, run.ExecutionArn);
            invocation.Context = invocation.Context.WithTaskToken(pending.Token);
        }
        else if (Resource.Pattern == IntegrationPattern.Sync)
        {
            throw StateError.Runtime($"The resource '{Resource.Arn}' uses the .sync pattern, which local-cloud does not support yet");
        }

        try
        {
            var parameters = Parameters is null ? effectiveInput : Parameters.Evaluate(Scope(invocation, effectiveInput));
            var timeout = TimeoutSecondsPath is { } tp ? ReadSeconds(invocation, tp, effectiveInput, "TimeoutSecondsPath") : TimeoutSeconds ?? DefaultTimeoutSeconds;
            int? heartbeat = HeartbeatSecondsPath is { } hp ? ReadSeconds(invocation, hp, effectiveInput, "HeartbeatSecondsPath") : HeartbeatSeconds;

            invocation.AddEvent("TaskScheduled", "taskScheduledEventDetails", () =>
            {
                var details = Describe();
                details["region"] = run.Account.Region;
                details["parameters"] = JsonText.Serialize(parameters);
                details["timeoutInSeconds"] = timeout;
                if (heartbeat is int h)
                {
                    details["heartbeatInSeconds"] = h;
                }

                return details;
            });
            invocation.AddEvent("TaskStarted", "taskStartedEventDetails", Describe);

            var result = await RunWithTimeoutAsync(invocation, integration, parameters, pending, timeout, heartbeat).ConfigureAwait(false);
            invocation.AddEvent("TaskSucceeded", "taskSucceededEventDetails", () => WithOutput(Describe(), result));
            return result;
        }
        finally
        {
            if (pending is not null)
            {
                run.Services.Tokens.Close(pending.Token);
            }
        }
    }

    private async Task<JsonNode?> RunWithTimeoutAsync(
        StateInvocation invocation, ITaskIntegration integration, JsonNode? parameters, PendingTaskToken? pending, int timeoutSeconds, int? heartbeatSeconds)
    {
        var run = invocation.Run;
        var clock = run.Services.Clock;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(invocation.Cancellation);
        var call = new TaskCall(Resource, parameters, run.Account, run.ExecutionArn, run.StateMachine.Arn, pending?.Token);
        var deadline = clock.UtcNow.AddSeconds(timeoutSeconds);
        try
        {
            var work = WorkAsync();
            while (true)
            {
                var now = clock.UtcNow;
                var wake = deadline;
                var lastBeat = pending?.NextHeartbeat;
                if (heartbeatSeconds is int hb && pending is not null)
                {
                    var heartbeatDue = now.AddSeconds(hb);
                    wake = heartbeatDue < wake ? heartbeatDue : wake;
                }

                using var timerStop = CancellationTokenSource.CreateLinkedTokenSource(stop.Token);
                var timer = clock.DelayAsync(wake - now, timerStop.Token);
                var waitOn = lastBeat is null ? Task.WhenAny(work, timer) : Task.WhenAny(work, timer, lastBeat);
                var first = await invocation.Thread.WaitAsync(waitOn).ConfigureAwait(false);
                await timerStop.CancelAsync().ConfigureAwait(false);
                if (first == work)
                {
                    return await work.ConfigureAwait(false);
                }

                if (first == lastBeat)
                {
                    // A heartbeat arrived: the heartbeat timer starts again.
                    continue;
                }

                invocation.Cancellation.ThrowIfCancellationRequested();
                var error = clock.UtcNow >= deadline ? StatesErrorNames.Timeout : StatesErrorNames.HeartbeatTimeout;
                invocation.AddEvent("TaskTimedOut", "taskTimedOutEventDetails", () =>
                {
                    var details = Describe();
                    details["error"] = error;
                    return details;
                });
                await stop.CancelAsync().ConfigureAwait(false);
                ObserveLater(work);
                throw new StatesFailure(error, null);
            }
        }
        catch (StatesFailure failure) when (failure.Error is not StatesErrorNames.Timeout and not StatesErrorNames.HeartbeatTimeout)
        {
            invocation.AddEvent("TaskFailed", "taskFailedEventDetails", () =>
            {
                var details = Describe();
                details["error"] = failure.Error;
                if (failure.Cause is not null)
                {
                    details["cause"] = failure.Cause;
                }

                return details;
            });
            throw;
        }

        async Task<JsonNode?> WorkAsync()
        {
            var submitted = await integration.InvokeAsync(call, stop.Token).ConfigureAwait(false);
            if (pending is null)
            {
                return submitted;
            }

            invocation.AddEvent("TaskSubmitted", "taskSubmittedEventDetails", () => WithOutput(Describe(), submitted));
            using var registration = stop.Token.Register(() => pending.Completion.TrySetCanceled(stop.Token));
            return await pending.Completion.Task.ConfigureAwait(false);
        }
    }

    private static void ObserveLater(Task task) =>
        _ = task.ContinueWith(t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);

    private JsonObject Describe() => new() { ["resourceType"] = Resource.ResourceType, ["resource"] = Resource.Resource };

    private static JsonObject WithOutput(JsonObject details, JsonNode? output)
    {
        details["output"] = JsonText.Serialize(output);
        details["outputDetails"] = new JsonObject { ["truncated"] = false };
        return details;
    }

    private static int ReadSeconds(StateInvocation invocation, JsonPath path, JsonNode? input, string field)
    {
        var root = path.IsContext ? invocation.Context.RootFor(path) : input;
        if (path.TrySelectSingle(root, out var value) && JsonText.IsNumber(value) &&
            int.TryParse(JsonText.NumberText(value!), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seconds) && seconds > 0)
        {
            return seconds;
        }

        throw StateError.Runtime($"The {field} field refers to value \"{JsonText.Serialize(value)}\" which is not a valid positive integer: {path.Text}");
    }
}
