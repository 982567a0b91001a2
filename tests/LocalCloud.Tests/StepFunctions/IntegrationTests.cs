using Choreo.LocalCloud.Services;
using Choreo.LocalCloud.StepFunctions.Execution;

namespace LocalCloud.Tests.StepFunctions;

public sealed class IntegrationTests
{
    [Fact]
    public async Task PutEvents_with_a_failed_entry_fails_the_task_with_EventBridge_FailedEntry()
    {
        var harness = new StepFunctionsHarness(new FakeEventBus { FailEntries = true });
        var run = await harness.RunAsync("""
            {"StartAt":"P","States":{"P":{"Type":"Task","Resource":"arn:aws:states:::events:putEvents",
              "Parameters":{"Entries":[{"Source":"s","DetailType":"d","Detail":{}}]},"End":true}}}
            """);
        Assert.Equal("EventBridge.FailedEntry", run.Error);
        Assert.Contains(run.History.Snapshot(), e => e.Type == "TaskFailed");
    }

    [Fact]
    public async Task PutEvents_returns_entries_and_failed_entry_count()
    {
        var harness = new StepFunctionsHarness(new FakeEventBus());
        var run = await harness.RunAsync("""
            {"StartAt":"P","States":{"P":{"Type":"Task","Resource":"arn:aws:states:::events:putEvents",
              "Parameters":{"Entries":[{"Source":"s","DetailType":"d","Detail":{"x":1}}]},"End":true}}}
            """);
        Assert.Equal("{\"Entries\":[{\"EventId\":\"event-0\"}],\"FailedEntryCount\":0}", run.Output);
    }

    [Fact]
    public async Task A_function_error_is_named_by_its_errorType_and_can_be_caught()
    {
        var lambda = new FakeLambda(new LambdaInvokeResult(200, "{\"errorType\":\"ProfileUnreadable\",\"errorMessage\":\"403\"}", "Unhandled"));
        var harness = new StepFunctionsHarness(lambda: lambda);
        var run = await harness.RunAsync("""
            {"StartAt":"L","States":{"L":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
              "Parameters":{"FunctionName":"arn:aws:lambda:us-east-1:222222222222:function:f","Payload.$":"$"},
              "Catch":[{"ErrorEquals":["ProfileUnreadable"],"ResultPath":"$.error","Next":"Done"}],"End":false,"Next":"Done"},
              "Done":{"Type":"Pass","End":true}}}
            """, "{\"id\":7}");
        Assert.Equal(ExecutionStatus.SUCCEEDED, run.Status);
        Assert.Contains("\"Error\":\"ProfileUnreadable\"", run.Output);
        Assert.Equal("{\"id\":7}", Assert.Single(lambda.Calls).Payload);
    }

    [Fact]
    public async Task Lambda_invoke_result_carries_payload_and_status_code()
    {
        var harness = new StepFunctionsHarness(lambda: new FakeLambda(new LambdaInvokeResult(200, "{\"ok\":1}", null)));
        var run = await harness.RunAsync("""
            {"StartAt":"L","States":{"L":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
              "Parameters":{"FunctionName":"f"},"ResultSelector":{"p.$":"$.Payload","s.$":"$.StatusCode"},"End":true}}}
            """);
        Assert.Equal("{\"p\":{\"ok\":1},\"s\":200}", run.Output);
    }

    [Fact]
    public async Task An_unsupported_resource_fails_with_States_Runtime_naming_it()
    {
        var harness = new StepFunctionsHarness();
        var run = await harness.RunAsync("""
            {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::dynamodb:putItem",
              "Catch":[{"ErrorEquals":["States.ALL"],"Next":"Caught"}],"End":true},"Caught":{"Type":"Pass","End":true}}}
            """);
        Assert.Equal("States.Runtime", run.Error);
        Assert.Contains("arn:aws:states:::dynamodb:putItem", run.Cause);
    }
}
