using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Choreo.LocalCloud.Hosting;
using Choreo.LocalCloud.StepFunctions.Execution;

namespace LocalCloud.Tests.StepFunctions;

public sealed class MapRunApiTests
{
    // Each child asks for work with a task token and waits for the test to answer.
    private const string AskingProcessor = """
        {"StartAt":"Ask","States":{"Ask":{"Type":"Task","Resource":"arn:aws:states:::events:putEvents.waitForTaskToken",
          "Parameters":{"Entries":[{"Source":"test","DetailType":"Ask","EventBusName":"bus","Detail":{"token.$":"$$.Task.Token","item.$":"$"}}]},
          "End":true}}}
        """;

    private sealed class TokenCollector
    {
        private readonly ConcurrentQueue<string> _tokens = new();
        private readonly object _gate = new();
        private (int Count, TaskCompletionSource Signal)? _waiter;

        public FakeEventBus Bus => new()
        {
            OnEntry = entry =>
            {
                _tokens.Enqueue(JsonNode.Parse(entry.Detail!)!["token"]!.GetValue<string>());
                lock (_gate)
                {
                    if (_waiter is { } w && _tokens.Count >= w.Count)
                    {
                        w.Signal.TrySetResult();
                    }
                }

                return Task.CompletedTask;
            },
        };

        public Task AtLeast(int count)
        {
            lock (_gate)
            {
                var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                if (_tokens.Count >= count)
                {
                    signal.TrySetResult();
                }

                _waiter = (count, signal);
                return signal.Task.WaitAsync(TimeSpan.FromSeconds(20));
            }
        }

        public List<string> Drain()
        {
            var all = new List<string>();
            while (_tokens.TryDequeue(out var token))
            {
                all.Add(token);
            }

            return all;
        }
    }

    [Fact]
    public async Task MaxConcurrency_bounds_running_children_UpdateMapRun_raises_it_and_DescribeMapRun_counts_items_and_executions()
    {
        var tokens = new TokenCollector();
        // Children wait on callbacks: an idle virtual clock would otherwise jump to their Task timeouts.
        var harness = new DistributedMapHarness(events: tokens.Bus, autoAdvance: false);
        var machine = await harness.Steps.CreateAsync(DistributedMapHarness.Machine("\"MaxConcurrency\":2,\"Label\":\"Ask\"", AskingProcessor));
        var run = await harness.Steps.StartAsync(machine, "[1,2,3,4,5]");

        await tokens.AtLeast(2);
        var mapRunArn = (await harness.Steps.CallAsync("ListMapRuns", new JsonObject { ["executionArn"] = run.ExecutionArn }))["mapRuns"]![0]!["mapRunArn"]!.GetValue<string>();
        var described = await Describe(harness, mapRunArn);
        Assert.Equal("RUNNING", described["status"]!.GetValue<string>());
        Assert.Equal(2, described["maxConcurrency"]!.GetValue<int>());
        Assert.Equal(2L, described["executionCounts"]!["running"]!.GetValue<long>());
        Assert.Equal(3L, described["executionCounts"]!["pending"]!.GetValue<long>());
        Assert.Equal(5L, described["itemCounts"]!["total"]!.GetValue<long>());

        await harness.Steps.CallAsync("UpdateMapRun", new JsonObject { ["mapRunArn"] = mapRunArn, ["maxConcurrency"] = 10 });
        await tokens.AtLeast(5);
        Assert.Equal(5L, (await Describe(harness, mapRunArn))["executionCounts"]!["running"]!.GetValue<long>());

        foreach (var token in tokens.Drain())
        {
            await harness.Steps.CallAsync("SendTaskSuccess", new JsonObject { ["taskToken"] = token, ["output"] = "{\"done\":true}" });
        }

        await run.Completion.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(ExecutionStatus.SUCCEEDED, run.Status);
        var done = await Describe(harness, mapRunArn);
        Assert.Equal("SUCCEEDED", done["status"]!.GetValue<string>());
        Assert.Equal(10, done["maxConcurrency"]!.GetValue<int>());
        Assert.Equal(5L, done["itemCounts"]!["succeeded"]!.GetValue<long>());
        Assert.Equal(5L, done["executionCounts"]!["succeeded"]!.GetValue<long>());
        Assert.Equal(0L, done["executionCounts"]!["pending"]!.GetValue<long>());
        Assert.NotNull(done["stopDate"]);
    }

    [Fact]
    public async Task Stopping_the_parent_execution_aborts_its_running_children_and_the_map_run()
    {
        var tokens = new TokenCollector();
        // Children wait on callbacks: an idle virtual clock would otherwise jump to their Task timeouts.
        var harness = new DistributedMapHarness(events: tokens.Bus, autoAdvance: false);
        var machine = await harness.Steps.CreateAsync(DistributedMapHarness.Machine("\"MaxConcurrency\":2", AskingProcessor));
        var run = await harness.Steps.StartAsync(machine, "[1,2,3]");
        await tokens.AtLeast(2);

        await harness.Steps.CallAsync("StopExecution", new JsonObject { ["executionArn"] = run.ExecutionArn });
        await run.Completion.WaitAsync(TimeSpan.FromSeconds(20));

        var mapRunArn = (await harness.Steps.CallAsync("ListMapRuns", new JsonObject { ["executionArn"] = run.ExecutionArn }))["mapRuns"]![0]!["mapRunArn"]!.GetValue<string>();
        var children = (await harness.Steps.CallAsync("ListExecutions", new JsonObject { ["mapRunArn"] = mapRunArn }))["executions"]!.AsArray();
        Assert.Equal(2, children.Count);
        Assert.All(children, c => Assert.Equal("ABORTED", c!["status"]!.GetValue<string>()));
        var described = await Describe(harness, mapRunArn);
        Assert.Equal("ABORTED", described["status"]!.GetValue<string>());
        Assert.Equal(1L, described["executionCounts"]!["pending"]!.GetValue<long>());
    }

    [Fact]
    public async Task ListMapRuns_and_ListExecutions_by_map_run_arn_show_the_run_and_its_children_with_AWS_arns()
    {
        var harness = new DistributedMapHarness();
        var run = await harness.RunAsync(DistributedMapHarness.Machine("\"Label\":\"Fan\",\"ItemBatcher\":{\"MaxItemsPerBatch\":2}"), "[1,2,3]");

        var listed = await harness.Steps.CallAsync("ListMapRuns", new JsonObject { ["executionArn"] = run.ExecutionArn });
        var mapRun = Assert.Single(listed["mapRuns"]!.AsArray())!;
        var mapRunArn = mapRun["mapRunArn"]!.GetValue<string>();
        Assert.Matches(@"^arn:aws:states:us-east-1:111111111111:mapRun:machine/Fan:[0-9a-f-]{36}$", mapRunArn);
        Assert.Equal(run.ExecutionArn, mapRun["executionArn"]!.GetValue<string>());
        Assert.Equal("arn:aws:states:us-east-1:111111111111:stateMachine:machine/Fan", mapRun["stateMachineArn"]!.GetValue<string>());

        var described = await Describe(harness, mapRunArn);
        Assert.Equal(3L, described["itemCounts"]!["succeeded"]!.GetValue<long>());
        Assert.Equal(2L, described["executionCounts"]!["succeeded"]!.GetValue<long>());
        Assert.Equal(0, described["toleratedFailureCount"]!.GetValue<int>());
        Assert.Equal(0.0, described["toleratedFailurePercentage"]!.GetValue<double>());

        var children = (await harness.Steps.CallAsync("ListExecutions", new JsonObject { ["mapRunArn"] = mapRunArn }))["executions"]!.AsArray();
        Assert.Equal(2, children.Count);
        Assert.All(children, c =>
        {
            Assert.StartsWith("arn:aws:states:us-east-1:111111111111:execution:machine/Fan:", c!["executionArn"]!.GetValue<string>());
            Assert.Equal(mapRunArn, c["mapRunArn"]!.GetValue<string>());
            Assert.Equal("SUCCEEDED", c["status"]!.GetValue<string>());
        });

        var child = await harness.Steps.CallAsync("DescribeExecution", new JsonObject { ["executionArn"] = children[0]!["executionArn"]!.GetValue<string>() });
        Assert.Equal(mapRunArn, child["mapRunArn"]!.GetValue<string>());
        var childHistory = await harness.Steps.CallAsync("GetExecutionHistory", new JsonObject { ["executionArn"] = children[0]!["executionArn"]!.GetValue<string>() });
        Assert.Equal("ExecutionStarted", childHistory["events"]![0]!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Map_Run_calls_refuse_unknown_runs_other_accounts_and_out_of_range_updates()
    {
        var harness = new DistributedMapHarness();
        var run = await harness.RunAsync(DistributedMapHarness.Machine("\"Label\":\"L\""), "[1]");
        var mapRunArn = (await harness.Steps.CallAsync("ListMapRuns", new JsonObject { ["executionArn"] = run.ExecutionArn }))["mapRuns"]![0]!["mapRunArn"]!.GetValue<string>();

        var unknown = await Assert.ThrowsAsync<AwsServiceException>(() =>
            Describe(harness, "arn:aws:states:us-east-1:111111111111:mapRun:machine/L:00000000-0000-0000-0000-000000000000"));
        Assert.Equal("ResourceNotFound", unknown.ErrorCode);
        var otherAccount = await Assert.ThrowsAsync<AwsServiceException>(() =>
            harness.Steps.CallAsync("DescribeMapRun", new JsonObject { ["mapRunArn"] = mapRunArn }, StepFunctionsHarness.Worker));
        Assert.Equal("ResourceNotFound", otherAccount.ErrorCode);
        var badArn = await Assert.ThrowsAsync<AwsServiceException>(() => Describe(harness, run.ExecutionArn));
        Assert.Equal("InvalidArn", badArn.ErrorCode);
        var tooMany = await Assert.ThrowsAsync<AwsServiceException>(() =>
            harness.Steps.CallAsync("UpdateMapRun", new JsonObject { ["mapRunArn"] = mapRunArn, ["maxConcurrency"] = 10_001 }));
        Assert.Equal("ValidationException", tooMany.ErrorCode);
        var nothing = await Assert.ThrowsAsync<AwsServiceException>(() =>
            harness.Steps.CallAsync("UpdateMapRun", new JsonObject { ["mapRunArn"] = mapRunArn }));
        Assert.Equal("ValidationException", nothing.ErrorCode);
        var both = await Assert.ThrowsAsync<AwsServiceException>(() =>
            harness.Steps.CallAsync("ListExecutions", new JsonObject { ["mapRunArn"] = mapRunArn, ["stateMachineArn"] = run.StateMachine.Arn }));
        Assert.Equal("ValidationException", both.ErrorCode);
    }

    private static async Task<JsonNode> Describe(DistributedMapHarness harness, string mapRunArn) =>
        await harness.Steps.CallAsync("DescribeMapRun", new JsonObject { ["mapRunArn"] = mapRunArn });
}
