using System.Text.Json.Nodes;
using Choreo.LocalCloud.EventBridge.Delivery;
using Choreo.LocalCloud.Sqs.Model;

namespace LocalCloud.Tests.EventBridge;

/// <summary>
/// EventBridge reaches an SQS queue (target or dead-letter queue) only when the queue policy lets it: a refusal is a
/// NO_PERMISSIONS delivery failure, not retried, as AWS documents.
/// </summary>
public sealed class QueueConsentTests
{
    private const string Role = "arn:aws:iam::111111111111:role/to-worker-queue";

    private static async Task<(EventBridgeHarness Harness, SqsQueue Queue)> RuleToQueueAsync(string queueAccount, string? roleArn, string? deadLetterArn = null)
    {
        var harness = new EventBridgeHarness();
        var owner = queueAccount == EventBridgeHarness.Worker.AccountId ? EventBridgeHarness.Worker : EventBridgeHarness.Orchestrator;
        var queue = harness.Queues.CreateQueue(owner, "inbox");
        var target = new JsonObject { ["Id"] = "q", ["Arn"] = queue.Arn };
        if (roleArn is not null) target["RoleArn"] = roleArn;
        if (deadLetterArn is not null) target["DeadLetterConfig"] = new JsonObject { ["Arn"] = deadLetterArn };
        await harness.PutRuleAsync(EventBridgeHarness.Orchestrator, "to-queue", """{"source":["choreo.test"]}""", [target]);
        return (harness, queue);
    }

    private static async Task PutAsync(EventBridgeHarness harness)
    {
        await harness.Events.PutEventsAsync(EventBridgeHarness.Orchestrator, [new("choreo.test", "tick", "{}", null)], CancellationToken.None);
        await harness.IdleAsync();
    }

    private static string AllowRole(SqsQueue queue, string role) => new JsonObject
    {
        ["Statement"] = new JsonArray(new JsonObject
        {
            ["Effect"] = "Allow", ["Principal"] = new JsonObject { ["AWS"] = role }, ["Action"] = "sqs:SendMessage", ["Resource"] = queue.Arn,
        }),
    }.ToJsonString();

    [Fact]
    public async Task A_queue_of_the_rule_account_without_a_policy_for_eventbridge_gets_nothing_and_the_failure_is_no_permissions()
    {
        var (harness, queue) = await RuleToQueueAsync(EventBridgeHarness.Orchestrator.AccountId, roleArn: null);
        await using var _ = harness;

        await PutAsync(harness);

        Assert.Empty(harness.Queues.Messages(queue));
        var records = harness.Events.Deliveries.Snapshot();
        Assert.Equal(DeliveryOutcome.Dropped, Assert.Single(records).Outcome);
        Assert.Equal(TargetDeliveryException.NoPermissions, records[0].ErrorCode);
    }

    [Fact]
    public async Task A_queue_of_the_rule_account_whose_policy_lets_eventbridge_send_receives_the_event()
    {
        var (harness, queue) = await RuleToQueueAsync(EventBridgeHarness.Orchestrator.AccountId, roleArn: null);
        await using var _ = harness;
        harness.Queues.SetPolicy(queue, EventBridgeHarness.EventBridgeMaySendTo(queue));

        await PutAsync(harness);

        Assert.Single(harness.Queues.Messages(queue));
    }

    [Fact]
    public async Task A_queue_policy_for_another_rule_does_not_let_this_rule_send()
    {
        var (harness, queue) = await RuleToQueueAsync(EventBridgeHarness.Orchestrator.AccountId, roleArn: null);
        await using var _ = harness;
        harness.Queues.SetPolicy(queue, EventBridgeHarness.EventBridgeMaySendTo(queue).Replace("rule/*", "rule/some-other-rule", StringComparison.Ordinal));

        await PutAsync(harness);

        Assert.Empty(harness.Queues.Messages(queue));
    }

    [Fact]
    public async Task A_queue_of_another_account_receives_the_event_only_once_its_policy_allows_the_target_role()
    {
        var (harness, queue) = await RuleToQueueAsync(EventBridgeHarness.Worker.AccountId, Role);
        await using var _ = harness;

        await PutAsync(harness);
        var refused = harness.Queues.Messages(queue).Count;
        harness.Queues.SetPolicy(queue, AllowRole(queue, Role));
        await PutAsync(harness);

        Assert.Equal(0, refused);
        Assert.Single(harness.Queues.Messages(queue));
    }

    [Fact]
    public async Task A_dead_letter_queue_that_does_not_let_eventbridge_send_loses_the_event()
    {
        await using var harness = new EventBridgeHarness();
        var owner = EventBridgeHarness.Orchestrator;
        var function = EventBridgeHarness.FunctionArn(owner, "gone");
        harness.Lambdas.Failing[function] = true;
        var closed = harness.Queues.CreateQueue(owner, "closed-dlq");
        var open = harness.Queues.CreateQueue(owner, "open-dlq");
        harness.Queues.SetPolicy(open, EventBridgeHarness.EventBridgeMaySendTo(open));
        JsonObject Target(string id, SqsQueue dlq) => new()
        {
            ["Id"] = id,
            ["Arn"] = function,
            ["RetryPolicy"] = new JsonObject { ["MaximumRetryAttempts"] = 0 },
            ["DeadLetterConfig"] = new JsonObject { ["Arn"] = dlq.Arn },
        };
        await harness.PutRuleAsync(owner, "to-gone", """{"source":["choreo.test"]}""", [Target("closed", closed), Target("open", open)]);

        await PutAsync(harness);

        Assert.Empty(harness.Queues.Messages(closed));
        Assert.Single(harness.Queues.Messages(open));
        var outcomes = harness.Events.Deliveries.Snapshot().Where(record => record.Outcome != DeliveryOutcome.Failed)
            .ToDictionary(record => record.TargetId, record => record.Outcome);
        Assert.Equal(DeliveryOutcome.Dropped, outcomes["closed"]);
        Assert.Equal(DeliveryOutcome.DeadLettered, outcomes["open"]);
    }
}
