using System.Text.Json.Nodes;
using Choreo.LocalCloud.Hosting;
using Choreo.LocalCloud.StepFunctions.Execution;

namespace LocalCloud.Tests.StepFunctions;

public sealed class RedriveTests
{
    private const string WorkLambda = "arn:aws:lambda:us-east-1:111111111111:function:work";

    private const string PrepareThenWork = $$$$"""
        {"StartAt":"Prepare","States":{
          "Prepare":{"Type":"Pass","Next":"Work"},
          "Work":{"Type":"Task","Resource":"{{{{WorkLambda}}}}","End":true}}}
        """;

    [Fact]
    public async Task A_failed_execution_is_redriven_from_the_failed_state_and_reports_its_redrive()
    {
        var lambda = new ItemLambda();
        var harness = new DistributedMapHarness(lambda);
        var run = await harness.RunAsync(PrepareThenWork, """{"bad":true}""");
        Assert.Equal(ExecutionStatus.FAILED, run.Status);
        var failed = await Describe(harness, run);
        Assert.Equal("REDRIVABLE", failed["redriveStatus"]!.GetValue<string>());
        Assert.Equal(0, failed["redriveCount"]!.GetValue<int>());

        lambda.FailBadItems = false;
        var redriven = await harness.Steps.CallAsync("RedriveExecution", new JsonObject { ["executionArn"] = run.ExecutionArn });
        Assert.NotNull(redriven["redriveDate"]);
        await run.Completion.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(ExecutionStatus.SUCCEEDED, run.Status);
        Assert.Equal("""{"bad":true}""", run.Output);
        var types = await harness.EventTypesAsync(run);
        Assert.Equal(1, types.Count(t => t == "PassStateEntered"));
        Assert.Equal(2, types.Count(t => t == "TaskStateEntered"));
        Assert.Equal(["ExecutionFailed", "ExecutionRedriven", "TaskStateEntered"], types.SkipWhile(t => t != "ExecutionFailed").Take(3));
        var history = await harness.HistoryAsync(run);
        var redrivenEvent = history["events"]!.AsArray().Single(e => e!["type"]!.GetValue<string>() == "ExecutionRedriven")!;
        Assert.Equal(1, redrivenEvent["executionRedrivenEventDetails"]!["redriveCount"]!.GetValue<int>());

        var described = await Describe(harness, run);
        Assert.Equal(1, described["redriveCount"]!.GetValue<int>());
        Assert.NotNull(described["redriveDate"]);
        Assert.Equal("NOT_REDRIVABLE", described["redriveStatus"]!.GetValue<string>());
        var listed = await harness.Steps.CallAsync("ListExecutions", new JsonObject { ["stateMachineArn"] = run.StateMachine.Arn, ["redriveFilter"] = "REDRIVEN" });
        Assert.Single(listed["executions"]!.AsArray());
    }

    [Fact]
    public async Task Succeeded_express_and_two_week_old_executions_are_ExecutionNotRedrivable()
    {
        var harness = new DistributedMapHarness(new ItemLambda());
        var succeeded = await harness.RunAsync(PrepareThenWork, """{"ok":1}""");
        await AssertNotRedrivable(harness, succeeded.ExecutionArn, "SUCCEEDED");

        var old = await harness.RunAsync(PrepareThenWork, """{"bad":true}""");
        await harness.Steps.Clock.AdvanceAsync(TimeSpan.FromDays(14) + TimeSpan.FromSeconds(1));
        await AssertNotRedrivable(harness, old.ExecutionArn, "14 days");

        var express = await harness.Steps.CreateAsync("""{"StartAt":"F","States":{"F":{"Type":"Fail","Error":"E"}}}""", type: "EXPRESS", name: "fast");
        var sync = await harness.Steps.CallAsync("StartSyncExecution", new JsonObject { ["stateMachineArn"] = express });
        await AssertNotRedrivable(harness, sync["executionArn"]!.GetValue<string>(), "Express");
    }

    [Fact]
    public async Task Redriving_a_failed_distributed_map_reruns_only_its_failed_and_pending_children()
    {
        var lambda = new ItemLambda();
        var harness = new DistributedMapHarness(lambda);
        var run = await harness.RunAsync(
            DistributedMapHarness.Machine(
                "\"MaxConcurrency\":1,\"Label\":\"Redo\"",
                $$$$"""{"StartAt":"Work","States":{"Work":{"Type":"Task","Resource":"{{{{WorkLambda}}}}","End":true}}}"""),
            """[{"ok":1},{"bad":true},{"ok":3},{"ok":4}]""");
        Assert.Equal("States.ExceedToleratedFailureThreshold", run.Error);
        Assert.Equal(2, lambda.Calls);
        var mapRunArn = (await harness.Steps.CallAsync("ListMapRuns", new JsonObject { ["executionArn"] = run.ExecutionArn }))["mapRuns"]![0]!["mapRunArn"]!.GetValue<string>();
        var failedRun = await harness.Steps.CallAsync("DescribeMapRun", new JsonObject { ["mapRunArn"] = mapRunArn });
        Assert.Equal("FAILED", failedRun["status"]!.GetValue<string>());
        Assert.Equal(2L, failedRun["executionCounts"]!["pending"]!.GetValue<long>());

        lambda.FailBadItems = false;
        await harness.Steps.CallAsync("RedriveExecution", new JsonObject { ["executionArn"] = run.ExecutionArn });
        await run.Completion.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(ExecutionStatus.SUCCEEDED, run.Status);
        Assert.Equal(5, lambda.Calls);
        Assert.Equal("""[{"ok":1},{"bad":true},{"ok":3},{"ok":4}]""", run.Output);
        var redrivenRun = await harness.Steps.CallAsync("DescribeMapRun", new JsonObject { ["mapRunArn"] = mapRunArn });
        Assert.Equal("SUCCEEDED", redrivenRun["status"]!.GetValue<string>());
        Assert.Equal(1, redrivenRun["redriveCount"]!.GetValue<int>());
        Assert.Equal(4L, redrivenRun["itemCounts"]!["succeeded"]!.GetValue<long>());
        Assert.Contains("MapRunRedriven", await harness.EventTypesAsync(run));
        Assert.Single((await harness.Steps.CallAsync("ListMapRuns", new JsonObject { ["executionArn"] = run.ExecutionArn }))["mapRuns"]!.AsArray());
    }

    private static async Task AssertNotRedrivable(DistributedMapHarness harness, string executionArn, string reason)
    {
        var error = await Assert.ThrowsAsync<AwsServiceException>(() =>
            harness.Steps.CallAsync("RedriveExecution", new JsonObject { ["executionArn"] = executionArn }));
        Assert.Equal("ExecutionNotRedrivable", error.ErrorCode);
        Assert.Contains(reason, error.Message);
    }

    private static async Task<JsonNode> Describe(DistributedMapHarness harness, ExecutionRun run) =>
        await harness.Steps.CallAsync("DescribeExecution", new JsonObject { ["executionArn"] = run.ExecutionArn });
}
