using System.Text.Json.Nodes;
using Choreo.LocalCloud.Hosting;
using Choreo.LocalCloud.StepFunctions.Execution;

namespace LocalCloud.Tests.StepFunctions;

public sealed class ApiTests
{
    private const string PassThrough = """{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}""";

    [Fact]
    public async Task A_definition_with_a_missing_target_is_refused_with_InvalidDefinition()
    {
        var harness = new StepFunctionsHarness();
        var error = await Assert.ThrowsAsync<AwsServiceException>(() =>
            harness.CreateAsync("""{"StartAt":"P","States":{"P":{"Type":"Pass","Next":"Nowhere"}}}"""));
        Assert.Equal("InvalidDefinition", error.ErrorCode);
        Assert.Contains("MISSING_TRANSITION_TARGET: Missing 'Next' target: Nowhere at /States/P/Next", error.Message);
    }

    [Fact]
    public async Task Variables_are_refused_as_not_supported_yet()
    {
        var harness = new StepFunctionsHarness();
        var assign = await Assert.ThrowsAsync<AwsServiceException>(() =>
            harness.CreateAsync("""{"StartAt":"P","States":{"P":{"Type":"Pass","Assign":{"x":1},"End":true}}}"""));
        Assert.Contains("not supported yet", assign.Message);
    }

    [Theory]
    [InlineData("""{"QueryLanguage":"JSONata","StartAt":"P","States":{"P":{"Type":"Pass","Output":"{% $states.input %}","End":true}}}""")]
    [InlineData("""{"StartAt":"P","States":{"P":{"Type":"Pass","QueryLanguage":"JSONata","Output":{"a":"{% 1 + 1 %}"},"End":true}}}""")]
    public async Task A_JSONata_machine_is_created_and_its_execution_fails_at_once_saying_local_cloud_cannot_run_JSONata(string definition)
    {
        var harness = new StepFunctionsHarness();
        var arn = await harness.CreateAsync(definition);

        var run = await harness.StartAsync(arn);
        await run.Completion.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(ExecutionStatus.FAILED, run.Status);
        Assert.Equal("States.Runtime", run.Error);
        Assert.Contains("JSONata query language is not supported by local-cloud", run.Cause);
        var history = await harness.CallAsync("GetExecutionHistory", new JsonObject { ["executionArn"] = run.ExecutionArn });
        Assert.Equal(["ExecutionStarted", "ExecutionFailed"], history["events"]!.AsArray().Select(e => e!["type"]!.GetValue<string>()));
    }

    [Fact]
    public async Task StartSyncExecution_returns_the_output_of_an_express_machine_and_DescribeExecution_refuses_it()
    {
        var harness = new StepFunctionsHarness();
        var arn = await harness.CreateAsync(PassThrough, type: "EXPRESS");
        var result = await harness.CallAsync("StartSyncExecution", new JsonObject { ["stateMachineArn"] = arn, ["input"] = "{\"a\":1}" });
        Assert.Equal("SUCCEEDED", result["status"]!.GetValue<string>());
        Assert.Equal("{\"a\":1}", result["output"]!.GetValue<string>());
        var error = await Assert.ThrowsAsync<AwsServiceException>(() =>
            harness.CallAsync("DescribeExecution", new JsonObject { ["executionArn"] = result["executionArn"]!.GetValue<string>() }));
        Assert.Equal("InvalidArn", error.ErrorCode);
    }

    [Fact]
    public async Task StartSyncExecution_on_a_standard_machine_is_not_supported()
    {
        var harness = new StepFunctionsHarness();
        var arn = await harness.CreateAsync(PassThrough);
        var error = await Assert.ThrowsAsync<AwsServiceException>(() =>
            harness.CallAsync("StartSyncExecution", new JsonObject { ["stateMachineArn"] = arn }));
        Assert.Equal("StateMachineTypeNotSupported", error.ErrorCode);
    }

    [Fact]
    public async Task History_pages_with_next_token_in_event_order()
    {
        var harness = new StepFunctionsHarness();
        var run = await harness.RunAsync(PassThrough);
        var first = await harness.CallAsync("GetExecutionHistory", new JsonObject { ["executionArn"] = run.ExecutionArn, ["maxResults"] = 2 });
        var second = await harness.CallAsync("GetExecutionHistory", new JsonObject
        {
            ["executionArn"] = run.ExecutionArn,
            ["maxResults"] = 2,
            ["nextToken"] = first["nextToken"]!.GetValue<string>(),
        });
        var types = first["events"]!.AsArray().Concat(second["events"]!.AsArray()).Select(e => e!["type"]!.GetValue<string>());
        Assert.Equal(["ExecutionStarted", "PassStateEntered", "PassStateExited", "ExecutionSucceeded"], types);
        Assert.Null(second["nextToken"]);
        Assert.Equal("P", first["events"]![1]!["stateEnteredEventDetails"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Describe_of_an_unknown_machine_is_StateMachineDoesNotExist()
    {
        var harness = new StepFunctionsHarness();
        var error = await Assert.ThrowsAsync<AwsServiceException>(() => harness.CallAsync("DescribeStateMachine",
            new JsonObject { ["stateMachineArn"] = "arn:aws:states:us-east-1:111111111111:stateMachine:nope" }));
        Assert.Equal("StateMachineDoesNotExist", error.ErrorCode);
    }

    [Fact]
    public async Task A_one_hour_wait_runs_instantly_on_the_virtual_clock()
    {
        var harness = new StepFunctionsHarness();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var run = await harness.RunAsync("""{"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":3600,"End":true}}}""");
        Assert.Equal(ExecutionStatus.SUCCEEDED, run.Status);
        Assert.True(run.StopDate - run.StartDate >= TimeSpan.FromHours(1));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Machine_TimeoutSeconds_times_the_execution_out()
    {
        var harness = new StepFunctionsHarness();
        var run = await harness.RunAsync("""{"TimeoutSeconds":5,"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":60,"End":true}}}""");
        Assert.Equal(ExecutionStatus.TIMED_OUT, run.Status);
        Assert.Equal("ExecutionTimedOut", run.History.Snapshot()[^1].Type);
    }

    [Fact]
    public async Task StopExecution_aborts_a_running_execution()
    {
        var harness = new StepFunctionsHarness();
        var arn = await harness.CreateAsync("""{"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":60,"End":true}}}""");
        ExecutionRun run;
        using (harness.Clock.BeginActivity())
        {
            run = await harness.StartAsync(arn);
            await harness.CallAsync("StopExecution", new JsonObject { ["executionArn"] = run.ExecutionArn, ["error"] = "Stopped" });
        }

        await run.Completion.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(ExecutionStatus.ABORTED, run.Status);
        Assert.Equal("ExecutionAborted", run.History.Snapshot()[^1].Type);
    }

    [Fact]
    public async Task A_standard_execution_fails_at_25000_history_events()
    {
        var harness = new StepFunctionsHarness();
        var run = await harness.RunAsync("""
            {"StartAt":"Items","States":{
              "Items":{"Type":"Pass","Parameters":{"items.$":"States.ArrayRange(1, 1000, 1)"},"Next":"Expand"},
              "Expand":{"Type":"Map","ItemsPath":"$.items","ItemProcessor":{"StartAt":"Inner","States":{
                 "Inner":{"Type":"Map","ItemsPath":"$.items","ItemSelector":{"v.$":"$$.Map.Item.Value"},
                   "ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},"End":true}}},
                 "ItemSelector":{"items.$":"States.ArrayRange(1, 10, 1)"},"End":true}}}
            """);
        Assert.Equal(ExecutionStatus.FAILED, run.Status);
        Assert.Equal(25_000, run.History.Snapshot().Count);
    }

    [Fact]
    public async Task Retry_waits_follow_the_backoff_on_the_virtual_clock()
    {
        var harness = new StepFunctionsHarness();
        var run = await harness.RunAsync("""
            {"StartAt":"Par","States":{"Par":{"Type":"Parallel","Branches":[{"StartAt":"F","States":{"F":{"Type":"Fail","Error":"Boom"}}}],
              "Retry":[{"ErrorEquals":["Boom"],"IntervalSeconds":10,"MaxAttempts":3,"BackoffRate":3}],"End":true}}}
            """);
        Assert.Equal("Boom", run.Error);
        Assert.True(run.StopDate - run.StartDate >= TimeSpan.FromSeconds(10 + 30 + 90));
    }
}
