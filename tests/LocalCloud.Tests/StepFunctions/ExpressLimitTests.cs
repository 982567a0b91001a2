using System.Text.Json.Nodes;

namespace LocalCloud.Tests.StepFunctions;

public sealed class ExpressLimitTests
{
    [Fact]
    public async Task An_express_execution_still_running_after_five_minutes_times_out_with_States_Timeout()
    {
        var harness = new StepFunctionsHarness();
        var arn = await harness.CreateAsync("""{"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":400,"End":true}}}""", type: "EXPRESS");
        var started = harness.Clock.UtcNow;

        var result = await harness.CallAsync("StartSyncExecution", new JsonObject { ["stateMachineArn"] = arn });

        Assert.Equal("TIMED_OUT", result["status"]!.GetValue<string>());
        Assert.Equal("States.Timeout", result["error"]!.GetValue<string>());
        Assert.Equal(TimeSpan.FromMinutes(5), harness.Clock.UtcNow - started);
    }

    [Fact]
    public async Task A_standard_execution_may_wait_longer_than_five_minutes()
    {
        var harness = new StepFunctionsHarness();
        var run = await harness.RunAsync("""{"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":400,"End":true}}}""");

        Assert.Equal(Choreo.LocalCloud.StepFunctions.Execution.ExecutionStatus.SUCCEEDED, run.Status);
    }

    [Fact]
    public async Task A_busy_express_loop_lets_other_executions_finish_and_ends_at_five_minutes_with_States_Timeout()
    {
        var harness = new StepFunctionsHarness();
        var arn = await harness.CreateAsync("""
            {"StartAt":"Spin","States":{
              "Spin":{"Type":"Pass","Next":"Again"},
              "Again":{"Type":"Choice","Choices":[{"Variable":"$.stop","IsPresent":true,"Next":"Done"}],"Default":"Spin"},
              "Done":{"Type":"Succeed"}}}
            """, type: "EXPRESS", name: "spin");
        var started = await harness.CallAsync("StartExecution", new JsonObject { ["stateMachineArn"] = arn });
        harness.Service.TryGetExecution(started["executionArn"]!.GetValue<string>(), out var spinning);

        var other = await harness.RunAsync("""{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}""");
        Assert.Equal(Choreo.LocalCloud.StepFunctions.Execution.ExecutionStatus.SUCCEEDED, other.Status);

        await harness.Clock.AdvanceAsync(TimeSpan.FromMinutes(5));
        await spinning.Completion.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(Choreo.LocalCloud.StepFunctions.Execution.ExecutionStatus.TIMED_OUT, spinning.Status);
        Assert.Equal("States.Timeout", spinning.Error);
        Assert.Equal(spinning.StartDate.AddMinutes(5), spinning.StopDate);
    }
}
