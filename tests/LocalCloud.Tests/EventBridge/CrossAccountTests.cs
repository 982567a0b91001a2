using System.Text.Json.Nodes;
using Choreo.LocalCloud.EventBridge.Delivery;

namespace LocalCloud.Tests.EventBridge;

public sealed class CrossAccountTests
{
    private const string WorkerBusName = "worker-bus";
    private static readonly string WorkerBusArn = $"arn:aws:events:us-east-1:{EventBridgeHarness.Worker.AccountId}:event-bus/{WorkerBusName}";

    // The orchestrator forwards everything on its default bus to the worker's bus; the worker routes getUsers to a function.
    private static async Task<(EventBridgeHarness Harness, string WorkerFunction)> ForwardingSetupAsync(string policy)
    {
        var harness = new EventBridgeHarness();
        await harness.CallAsync("CreateEventBus", new() { ["Name"] = WorkerBusName }, EventBridgeHarness.Worker);
        await harness.CallAsync("PutPermission", new() { ["EventBusName"] = WorkerBusName, ["Policy"] = policy }, EventBridgeHarness.Worker);
        var deadLetters = harness.Queues.CreateQueue(EventBridgeHarness.Orchestrator, "forward-dlq");
        harness.Queues.SetPolicy(deadLetters, EventBridgeHarness.EventBridgeMaySendTo(deadLetters));
        await harness.PutRuleAsync(EventBridgeHarness.Orchestrator, "forward", """{"source":["choreo.orchestrator"]}""",
        [
            new JsonObject
            {
                ["Id"] = "worker-bus",
                ["Arn"] = WorkerBusArn,
                ["RoleArn"] = "arn:aws:iam::111111111111:role/forward",
                ["RetryPolicy"] = new JsonObject { ["MaximumRetryAttempts"] = 3, ["MaximumEventAgeInSeconds"] = 3600 },
                ["DeadLetterConfig"] = new JsonObject { ["Arn"] = "arn:aws:sqs:us-east-1:111111111111:forward-dlq" },
            },
        ]);
        var function = EventBridgeHarness.FunctionArn(EventBridgeHarness.Worker, "getMultiple");
        await harness.PutRuleAsync(EventBridgeHarness.Worker, "get-users", """{"detail-type":["getUsers"]}""",
            [new JsonObject { ["Id"] = "fn", ["Arn"] = function }], WorkerBusName);
        return (harness, function);
    }

    // A Deny is evaluated per event next to an Allow that admits the orchestrator (without one, the forward target
    // could not be created at all).
    private static string Policy(string sources, string detailTypes, string effect = "Allow") => new JsonObject
    {
        ["Version"] = "2012-10-17",
        ["Statement"] = effect == "Allow" ? new JsonArray(Statement(sources, detailTypes, effect)) : new JsonArray(AdmitOrchestrator(), Statement(sources, detailTypes, effect)),
    }.ToJsonString();

    private static JsonObject AdmitOrchestrator() => new()
    {
        ["Sid"] = "admit",
        ["Effect"] = "Allow",
        ["Principal"] = new JsonObject { ["AWS"] = "arn:aws:iam::111111111111:root" },
        ["Action"] = "events:PutEvents",
        ["Resource"] = WorkerBusArn,
    };

    private static JsonObject Statement(string sources, string detailTypes, string effect) => new()
    {
        ["Sid"] = "orchestrator",
        ["Effect"] = effect,
        ["Principal"] = new JsonObject { ["AWS"] = "arn:aws:iam::111111111111:root" },
        ["Action"] = "events:PutEvents",
        ["Resource"] = WorkerBusArn,
        ["Condition"] = new JsonObject
        {
            ["StringEquals"] = new JsonObject { ["events:source"] = JsonNode.Parse(sources) },
            ["ForAnyValue:StringEquals"] = new JsonObject { ["events:detail-type"] = JsonNode.Parse(detailTypes) },
        },
    };

    [Fact]
    public async Task Forwarded_events_reach_the_worker_when_its_policy_admits_the_source_and_detail_type()
    {
        var (harness, function) = await ForwardingSetupAsync(Policy("""["choreo.orchestrator"]""", """["getUsers","generateReport"]"""));
        await using var _ = harness;

        var put = await harness.Events.PutEventsAsync(EventBridgeHarness.Orchestrator,
            [new("choreo.orchestrator", "getUsers", """{"TaskToken":"t"}""", null)], CancellationToken.None);
        await harness.IdleAsync();

        var invocation = Assert.Single(harness.Lambdas.Invocations);
        Assert.Equal(function, invocation.FunctionArn);
        var delivered = JsonNode.Parse(invocation.Payload)!;
        Assert.Equal(put.Entries[0].EventId, delivered["id"]!.GetValue<string>());
        Assert.Equal("111111111111", delivered["account"]!.GetValue<string>());
        Assert.Empty(harness.Queues.Messages(harness.Queues.GetByName(EventBridgeHarness.Orchestrator, "forward-dlq")));
    }

    [Theory]
    [InlineData("""["someone.else"]""", """["getUsers"]""", "Allow")]
    [InlineData("""["choreo.orchestrator"]""", """["done"]""", "Allow")]
    [InlineData("""["choreo.orchestrator"]""", """["getUsers"]""", "Deny")]
    public async Task Forwarded_events_the_policy_refuses_go_to_the_dead_letter_queue_with_no_permissions(string sources, string detailTypes, string effect)
    {
        var (harness, _) = await ForwardingSetupAsync(Policy(sources, detailTypes, effect));
        await using var __ = harness;

        await harness.Events.PutEventsAsync(EventBridgeHarness.Orchestrator,
            [new("choreo.orchestrator", "getUsers", """{"TaskToken":"t"}""", null)], CancellationToken.None);
        await harness.IdleAsync();

        Assert.Empty(harness.Lambdas.Invocations);
        var message = Assert.Single(harness.Queues.Messages(harness.Queues.GetByName(EventBridgeHarness.Orchestrator, "forward-dlq")));
        Assert.Equal("NO_PERMISSIONS", message.Attributes["ERROR_CODE"].StringValue);
        Assert.Equal(WorkerBusArn, message.Attributes["TARGET_ARN"].StringValue);
        // Permission errors are not retried, as AWS documents: one attempt, then the dead-letter queue.
        var record = Assert.Single(harness.Events.Deliveries.Snapshot());
        Assert.Equal(DeliveryOutcome.DeadLettered, record.Outcome);
    }
}
