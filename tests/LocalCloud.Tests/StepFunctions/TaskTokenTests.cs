using System.Text.Json.Nodes;
using Choreo.LocalCloud.Hosting;
using Choreo.LocalCloud.StepFunctions.Execution;

namespace LocalCloud.Tests.StepFunctions;

public sealed class TaskTokenTests
{
    private const string WaitForCallback = """
        {"StartAt":"Publish","States":{"Publish":{"Type":"Task",
          "Resource":"arn:aws:states:::events:putEvents.waitForTaskToken",
          "HeartbeatSeconds":60,
          "Parameters":{"Entries":[{"Source":"test.source","DetailType":"Ask","EventBusName":"bus",
             "Detail":{"token.$":"$$.Task.Token","job.$":"$.job"}}]},
          "End":true}}}
        """;

    [Fact]
    public async Task PutEvents_waitForTaskToken_completes_with_the_callback_output()
    {
        StepFunctionsHarness? harness = null;
        var bus = new FakeEventBus
        {
            OnEntry = entry =>
            {
                var token = JsonNode.Parse(entry.Detail!)!["token"]!.GetValue<string>();
                // The answer is in flight until SendTaskSuccess returns: the virtual clock must not jump to the heartbeat timeout meanwhile.
                var answering = harness!.Clock.BeginActivity();
                _ = Task.Run(async () =>
                {
                    using (answering)
                    {
                        await harness.CallAsync("SendTaskSuccess", new JsonObject { ["taskToken"] = token, ["output"] = "{\"done\":true}" });
                    }
                });
                return Task.CompletedTask;
            },
        };
        harness = new StepFunctionsHarness(bus);

        var run = await harness.RunAsync(WaitForCallback, "{\"job\":\"j-1\"}");

        Assert.Equal(ExecutionStatus.SUCCEEDED, run.Status);
        Assert.Equal("{\"done\":true}", run.Output);
        var (caller, sent) = Assert.Single(bus.Received);
        Assert.Equal("111111111111", caller.AccountId);
        Assert.Equal("j-1", JsonNode.Parse(sent.Detail!)!["job"]!.GetValue<string>());
        Assert.Equal([run.ExecutionArn, run.StateMachine.Arn], sent.Resources);
        var types = run.History.Snapshot().Select(e => e.Type).ToArray();
        Assert.Equal(
            ["ExecutionStarted", "TaskStateEntered", "TaskScheduled", "TaskStarted", "TaskSubmitted", "TaskSucceeded", "TaskStateExited", "ExecutionSucceeded"],
            types);
    }

    [Fact]
    public async Task A_task_without_heartbeat_times_out_and_its_token_then_answers_TaskTimedOut()
    {
        string? token = null;
        var bus = new FakeEventBus { OnEntry = e => { token = JsonNode.Parse(e.Detail!)!["token"]!.GetValue<string>(); return Task.CompletedTask; } };
        var harness = new StepFunctionsHarness(bus);

        var run = await harness.RunAsync(WaitForCallback, "{\"job\":\"j-2\"}");

        Assert.Equal(ExecutionStatus.FAILED, run.Status);
        Assert.Equal("States.HeartbeatTimeout", run.Error);
        Assert.Contains(run.History.Snapshot(), e => e.Type == "TaskTimedOut");
        var error = await Assert.ThrowsAsync<AwsServiceException>(() =>
            harness.CallAsync("SendTaskSuccess", new JsonObject { ["taskToken"] = token, ["output"] = "{}" }));
        Assert.Equal("TaskTimedOut", error.ErrorCode);
    }

    [Fact]
    public async Task A_malformed_token_is_InvalidToken_and_another_accounts_token_too()
    {
        var harness = new StepFunctionsHarness();
        var malformed = await Assert.ThrowsAsync<AwsServiceException>(() =>
            harness.CallAsync("SendTaskSuccess", new JsonObject { ["taskToken"] = "not-a-token", ["output"] = "{}" }));
        Assert.Equal("InvalidToken", malformed.ErrorCode);

        var pending = harness.Service.Tokens.Open("111111111111", "arn:aws:states:us-east-1:111111111111:execution:m:e");
        var foreign = await Assert.ThrowsAsync<AwsServiceException>(() =>
            harness.CallAsync("SendTaskFailure", new JsonObject { ["taskToken"] = pending.Token }, StepFunctionsHarness.Worker));
        Assert.Equal("InvalidToken", foreign.ErrorCode);
    }

    [Fact]
    public async Task A_heartbeat_keeps_a_waiting_task_alive()
    {
        var pending = new TaskCompletionSource<string>();
        StepFunctionsHarness? harness = null;
        IDisposable? worker = null;
        // The "worker" is busy from the moment the event arrives, so the virtual clock cannot jump past the heartbeat meanwhile.
        var bus = new FakeEventBus
        {
            OnEntry = e =>
            {
                worker = harness!.Clock.BeginActivity();
                pending.TrySetResult(JsonNode.Parse(e.Detail!)!["token"]!.GetValue<string>());
                return Task.CompletedTask;
            },
        };
        harness = new StepFunctionsHarness(bus);
        var run = await harness.StartAsync(await harness.CreateAsync(WaitForCallback), "{\"job\":\"j-3\"}");
        var token = await pending.Task.WaitAsync(TimeSpan.FromSeconds(5));

        using (worker)
        {
            await harness.CallAsync("SendTaskHeartbeat", new JsonObject { ["taskToken"] = token });
            await harness.CallAsync("SendTaskSuccess", new JsonObject { ["taskToken"] = token, ["output"] = "\"ok\"" });
        }

        await run.Completion.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(ExecutionStatus.SUCCEEDED, run.Status);
        Assert.Equal("\"ok\"", run.Output);
    }

    [Fact]
    public async Task Sfn_sendTaskFailure_integration_fails_the_waiting_execution_and_maps_errors()
    {
        var harness = new StepFunctionsHarness();
        var pending = harness.Service.Tokens.Open("111111111111", "arn:aws:states:us-east-1:111111111111:execution:m:e");
        var sender = """
            {"StartAt":"Send","States":{"Send":{"Type":"Task","Resource":"arn:aws:states:::aws-sdk:sfn:sendTaskFailure",
              "Parameters":{"TaskToken.$":"$.token","Error":"Worker.Failed","Cause":"boom"},"ResultPath":null,"Next":"Again"},
              "Again":{"Type":"Task","Resource":"arn:aws:states:::aws-sdk:sfn:sendTaskSuccess",
              "Parameters":{"TaskToken.$":"$.token","Output":{"a":1}},"End":true}}}
            """;

        var run = await harness.RunAsync(sender, new JsonObject { ["token"] = pending.Token }.ToJsonString());

        var failure = await Assert.ThrowsAsync<StatesFailure>(() => pending.Completion.Task);
        Assert.Equal("Worker.Failed", failure.Error);
        Assert.Equal(ExecutionStatus.FAILED, run.Status);
        Assert.Equal("Sfn.TaskTimedOutException", run.Error);
    }
}
