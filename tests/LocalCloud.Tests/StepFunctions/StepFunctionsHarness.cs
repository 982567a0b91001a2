using System.Text.Json.Nodes;
using Choreo.LocalCloud.Accounts;
using Choreo.LocalCloud.Services;
using Choreo.LocalCloud.StepFunctions.Api;
using Choreo.LocalCloud.StepFunctions.Execution;
using Choreo.LocalCloud.Time;

namespace LocalCloud.Tests.StepFunctions;

/// <summary>A Step Functions service on a virtual clock, with helpers to create machines and run executions.</summary>
public sealed class StepFunctionsHarness(IEventBusGateway? events = null, ILambdaInvoker? lambda = null, IBucketObjects? buckets = null, bool autoAdvance = true)
{
    public static readonly AccountContext Orchestrator = new("111111111111", "us-east-1");
    public static readonly AccountContext Worker = new("222222222222", "us-east-1");

    /// <summary>With autoAdvance off, time moves only when a test says so (tests that wait on callbacks).</summary>
    public VirtualClock Clock { get; } = new(autoAdvance: autoAdvance);

    public StepFunctionsService Service => _service ??= new StepFunctionsService(Clock, events, lambda, buckets: buckets);

    private StepFunctionsService? _service;

    public Task<JsonNode> CallAsync(string operation, JsonObject body, AccountContext? caller = null) =>
        Service.HandleAsync(operation, body, caller ?? Orchestrator, CancellationToken.None);

    public async Task<string> CreateAsync(string definition, string type = "STANDARD", string name = "machine")
    {
        var created = await CallAsync("CreateStateMachine", new JsonObject
        {
            ["name"] = name,
            ["definition"] = definition,
            ["roleArn"] = "arn:aws:iam::111111111111:role/sfn",
            ["type"] = type,
        });
        return created["stateMachineArn"]!.GetValue<string>();
    }

    public async Task<ExecutionRun> StartAsync(string machineArn, string input = "{}")
    {
        var started = await CallAsync("StartExecution", new JsonObject { ["stateMachineArn"] = machineArn, ["input"] = input });
        Service.TryGetExecution(started["executionArn"]!.GetValue<string>(), out var run);
        return run;
    }

    public async Task<ExecutionRun> RunAsync(string definition, string input = "{}")
    {
        var run = await StartAsync(await CreateAsync(definition), input);
        await run.Completion.WaitAsync(TimeSpan.FromSeconds(20));
        return run;
    }
}
