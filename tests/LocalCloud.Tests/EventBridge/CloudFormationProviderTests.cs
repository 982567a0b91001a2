using System.Text.Json.Nodes;
using Choreo.LocalCloud.CloudFormation.Resources;
using Choreo.LocalCloud.EventBridge.CloudFormation;
using Choreo.LocalCloud.Sqs.CloudFormation;

namespace LocalCloud.Tests.EventBridge;

public sealed class CloudFormationProviderTests
{
    private static ResourceRequest Request(string logicalId, JsonObject properties) =>
        new(EventBridgeHarness.Worker, "WorkerStack", logicalId, properties, "/tmp", new Dictionary<string, JsonNode?>());

    [Fact]
    public async Task A_rule_on_a_custom_bus_refs_as_bus_pipe_name_and_routes_to_its_targets()
    {
        await using var harness = new EventBridgeHarness();
        var bus = await new EventBusProvider(harness.Events).CreateAsync(Request("Bus", new() { ["Name"] = "worker" }), CancellationToken.None);
        var queue = await new QueueProvider(harness.Queues).CreateAsync(Request("Dlq", []), CancellationToken.None);
        var function = EventBridgeHarness.FunctionArn(EventBridgeHarness.Worker, "fn");
        var rule = await new RuleProvider(harness.Events).CreateAsync(Request("GetUsersRule", new()
        {
            ["EventBusName"] = bus.PhysicalId,
            ["EventPattern"] = new JsonObject { ["detail-type"] = new JsonArray("getUsers") },
            ["State"] = "ENABLED",
            ["Targets"] = new JsonArray(new JsonObject
            {
                ["Id"] = "Target0", ["Arn"] = function,
                ["RetryPolicy"] = new JsonObject { ["MaximumRetryAttempts"] = "2" },
                ["DeadLetterConfig"] = new JsonObject { ["Arn"] = queue.Attributes["Arn"]!.GetValue<string>() },
            }),
        }), CancellationToken.None);

        Assert.Equal("arn:aws:events:us-east-1:222222222222:event-bus/worker", bus.Attributes["Arn"]!.GetValue<string>());
        Assert.StartsWith("worker|WorkerStack-GetUsersRule-", rule.PhysicalId);
        Assert.StartsWith("arn:aws:events:us-east-1:222222222222:rule/worker/WorkerStack-GetUsersRule-", rule.Attributes["Arn"]!.GetValue<string>());
        Assert.StartsWith("http://localhost:4566/222222222222/WorkerStack-Dlq-", queue.PhysicalId);

        await harness.Events.PutEventsAsync(EventBridgeHarness.Worker, [new("choreo.orchestrator", "getUsers", "{}", "worker")], CancellationToken.None);
        await harness.IdleAsync();
        Assert.Equal(function, Assert.Single(harness.Lambdas.Invocations).FunctionArn);
    }

    [Fact]
    public async Task An_event_bus_policy_with_a_statement_admits_the_peer_account()
    {
        await using var harness = new EventBridgeHarness();
        await new EventBusProvider(harness.Events).CreateAsync(Request("Bus", new() { ["Name"] = "worker" }), CancellationToken.None);
        await new EventBusPolicyProvider(harness.Events).CreateAsync(Request("Policy", new()
        {
            ["EventBusName"] = "worker",
            ["StatementId"] = "peer",
            ["Statement"] = new JsonObject
            {
                ["Effect"] = "Allow", ["Principal"] = new JsonObject { ["AWS"] = "arn:aws:iam::111111111111:root" },
                ["Action"] = "events:PutEvents", ["Resource"] = "arn:aws:events:us-east-1:222222222222:event-bus/worker",
                ["Condition"] = new JsonObject { ["StringLike"] = new JsonObject { ["events:source"] = "choreo.*" } },
            },
        }), CancellationToken.None);

        var put = await harness.Events.PutEventsAsync(EventBridgeHarness.Orchestrator,
        [
            new("choreo.orchestrator", "getUsers", "{}", "arn:aws:events:us-east-1:222222222222:event-bus/worker"),
            new("other.source", "getUsers", "{}", "arn:aws:events:us-east-1:222222222222:event-bus/worker"),
        ], CancellationToken.None);
        Assert.Null(put.Entries[0].ErrorCode);
        Assert.Equal("AccessDeniedException", put.Entries[1].ErrorCode);
    }

    [Fact]
    public async Task A_rule_targeting_the_peer_bus_fails_to_create_before_the_peer_bus_policy_and_succeeds_after()
    {
        await using var harness = new EventBridgeHarness();
        await new EventBusProvider(harness.Events).CreateAsync(Request("Bus", new() { ["Name"] = "worker" }), CancellationToken.None);
        var forward = new ResourceRequest(EventBridgeHarness.Orchestrator, "OrchestratorStack", "ForwardToWorker", new JsonObject
        {
            ["EventPattern"] = new JsonObject { ["source"] = new JsonArray("choreo.orchestrator") },
            ["Targets"] = new JsonArray(new JsonObject
            {
                ["Id"] = "Target0",
                ["Arn"] = "arn:aws:events:us-east-1:222222222222:event-bus/worker",
                ["RoleArn"] = "arn:aws:iam::111111111111:role/forward",
            }),
        }, "/tmp", new Dictionary<string, JsonNode?>());

        var refused = await Assert.ThrowsAsync<Choreo.LocalCloud.Hosting.AwsServiceException>(() =>
            new RuleProvider(harness.Events).CreateAsync(forward, CancellationToken.None));
        await new EventBusPolicyProvider(harness.Events).CreateAsync(Request("AdmitOrchestrator", new()
        {
            ["EventBusName"] = "worker",
            ["StatementId"] = "orchestrator",
            ["Statement"] = new JsonObject
            {
                ["Effect"] = "Allow", ["Principal"] = new JsonObject { ["AWS"] = "arn:aws:iam::111111111111:root" },
                ["Action"] = "events:PutEvents", ["Resource"] = "arn:aws:events:us-east-1:222222222222:event-bus/worker",
                ["Condition"] = new JsonObject { ["StringEquals"] = new JsonObject { ["events:source"] = "choreo.orchestrator" } },
            },
        }), CancellationToken.None);
        var created = await new RuleProvider(harness.Events).CreateAsync(forward, CancellationToken.None);

        Assert.Equal("AccessDeniedException", refused.ErrorCode);
        Assert.StartsWith("arn:aws:events:us-east-1:111111111111:rule/OrchestratorStack-ForwardToWorker-", created.Attributes["Arn"]!.GetValue<string>());
    }
}
