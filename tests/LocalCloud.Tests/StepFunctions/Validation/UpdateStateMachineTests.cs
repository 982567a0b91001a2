using System.Text.Json.Nodes;
using Choreo.LocalCloud.Hosting;
using Choreo.LocalCloud.StepFunctions.Execution;

namespace LocalCloud.Tests.StepFunctions.Validation;

public sealed class UpdateStateMachineTests
{
    private const string Hello = """{"StartAt":"P","States":{"P":{"Type":"Pass","Result":"hello","End":true}}}""";
    private const string Bye = """{"StartAt":"P","States":{"P":{"Type":"Pass","Result":"bye","End":true}}}""";

    [Fact]
    public async Task An_updated_definition_is_described_and_runs_in_new_executions()
    {
        var harness = new StepFunctionsHarness();
        var arn = await harness.CreateAsync(Hello);

        var updated = await harness.CallAsync("UpdateStateMachine", new JsonObject { ["stateMachineArn"] = arn, ["definition"] = Bye });
        var described = await harness.CallAsync("DescribeStateMachine", new JsonObject { ["stateMachineArn"] = arn });
        var run = await harness.StartAsync(arn);
        await run.Completion.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.NotNull(updated["updateDate"]);
        Assert.Equal(Bye, described["definition"]!.GetValue<string>());
        Assert.Equal(ExecutionStatus.SUCCEEDED, run.Status);
        Assert.Equal("\"bye\"", run.Output);
    }

    [Fact]
    public async Task An_invalid_definition_is_refused_by_the_same_validator_and_the_machine_is_unchanged()
    {
        var harness = new StepFunctionsHarness();
        var arn = await harness.CreateAsync(Hello, type: "EXPRESS");

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => harness.CallAsync("UpdateStateMachine", new JsonObject
        {
            ["stateMachineArn"] = arn,
            ["definition"] = """{"StartAt":"W","States":{"W":{"Type":"Task","Resource":"arn:aws:states:::events:putEvents.waitForTaskToken","End":true}}}""",
        }));
        var described = await harness.CallAsync("DescribeStateMachine", new JsonObject { ["stateMachineArn"] = arn });

        Assert.Equal("InvalidDefinition", error.ErrorCode);
        Assert.Contains("Express state machine does not support '.waitForTaskToken' service integration  at /States/W/Resource", error.Message);
        Assert.Equal(Hello, described["definition"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_update_with_nothing_to_change_is_MissingRequiredParameter()
    {
        var harness = new StepFunctionsHarness();
        var arn = await harness.CreateAsync(Hello);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => harness.CallAsync("UpdateStateMachine", new JsonObject { ["stateMachineArn"] = arn }));

        Assert.Equal("MissingRequiredParameter", error.ErrorCode);
    }

    [Fact]
    public async Task Updating_an_unknown_machine_is_StateMachineDoesNotExist()
    {
        var error = await Assert.ThrowsAsync<AwsServiceException>(() => new StepFunctionsHarness().CallAsync("UpdateStateMachine", new JsonObject
        {
            ["stateMachineArn"] = "arn:aws:states:us-east-1:111111111111:stateMachine:nope",
            ["definition"] = Bye,
        }));

        Assert.Equal("StateMachineDoesNotExist", error.ErrorCode);
    }

    [Fact]
    public async Task A_running_execution_finishes_with_the_definition_it_started_with()
    {
        const string before = """
            {"StartAt":"Ask","States":{
              "Ask":{"Type":"Task","Resource":"arn:aws:states:::events:putEvents.waitForTaskToken",
                     "Parameters":{"Entries":[{"Source":"s","DetailType":"Ask","EventBusName":"bus","Detail":{"token.$":"$$.Task.Token"}}]},"Next":"Then"},
              "Then":{"Type":"Pass","Result":"before","End":true}}}
            """;
        StepFunctionsHarness? harness = null;
        string? arn = null;
        var bus = new FakeEventBus
        {
            OnEntry = async entry =>
            {
                await harness!.CallAsync("UpdateStateMachine", new JsonObject { ["stateMachineArn"] = arn, ["definition"] = Bye });
                var token = JsonNode.Parse(entry.Detail!)!["token"]!.GetValue<string>();
                // The answer is in flight until SendTaskSuccess returns: the virtual clock must not jump meanwhile.
                var answering = harness.Clock.BeginActivity();
                _ = Task.Run(async () =>
                {
                    using (answering)
                    {
                        await harness.CallAsync("SendTaskSuccess", new JsonObject { ["taskToken"] = token, ["output"] = "{}" });
                    }
                });
            },
        };
        harness = new StepFunctionsHarness(bus);
        arn = await harness.CreateAsync(before);

        var first = await harness.StartAsync(arn);
        await first.Completion.WaitAsync(TimeSpan.FromSeconds(10));
        var second = await harness.StartAsync(arn);
        await second.Completion.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal("\"before\"", first.Output);
        Assert.Equal("\"bye\"", second.Output);
    }
}
