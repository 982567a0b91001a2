using System.Text.Json.Nodes;
using Choreo.LocalCloud.EventBridge.Delivery;

namespace LocalCloud.Tests.EventBridge;

public sealed class RetryAndDeadLetterTests
{
    [Fact]
    public async Task A_failing_target_is_retried_then_dead_lettered_with_aws_attributes_listable_through_the_sqs_api()
    {
        await using var harness = new EventBridgeHarness();
        var owner = EventBridgeHarness.Orchestrator;
        var function = EventBridgeHarness.FunctionArn(owner, "broken");
        harness.Lambdas.Failing[function] = true;
        var queueUrl = (await harness.SqsApi.HandleAsync("CreateQueue", new JsonObject { ["QueueName"] = "dlq" }, owner, CancellationToken.None))["QueueUrl"]!.GetValue<string>();
        var dlq = harness.Queues.GetByName(owner, "dlq");
        harness.Queues.SetPolicy(dlq, EventBridgeHarness.EventBridgeMaySendTo(dlq));
        var ruleArn = await harness.PutRuleAsync(owner, "to-broken", """{"source":["choreo.test"]}""",
        [
            new JsonObject
            {
                ["Id"] = "fn",
                ["Arn"] = function,
                ["RetryPolicy"] = new JsonObject { ["MaximumRetryAttempts"] = 2, ["MaximumEventAgeInSeconds"] = 3600 },
                ["DeadLetterConfig"] = new JsonObject { ["Arn"] = "arn:aws:sqs:us-east-1:111111111111:dlq" },
            },
        ]);

        var put = await harness.Events.PutEventsAsync(owner, [new("choreo.test", "start", """{"n":1}""", null)], CancellationToken.None);
        await harness.IdleAsync();

        Assert.Equal(3, harness.Lambdas.Invocations.Count);
        var eventId = put.Entries[0].EventId!;
        Assert.Equal(
            [(1, DeliveryOutcome.Failed), (2, DeliveryOutcome.Failed), (3, DeliveryOutcome.DeadLettered)],
            harness.Events.Deliveries.ForEvent(eventId).Select(record => (record.Attempt, record.Outcome)));

        var received = await harness.SqsApi.HandleAsync("ReceiveMessage", new JsonObject
        {
            ["QueueUrl"] = queueUrl, ["MaxNumberOfMessages"] = 10, ["MessageAttributeNames"] = new JsonArray("All"),
        }, owner, CancellationToken.None);
        var message = Assert.Single(received["Messages"]!.AsArray())!;
        Assert.Equal(eventId, JsonNode.Parse(message["Body"]!.GetValue<string>())!["id"]!.GetValue<string>());
        var attributes = message["MessageAttributes"]!;
        Assert.Equal(ruleArn, attributes["RULE_ARN"]!["StringValue"]!.GetValue<string>());
        Assert.Equal(function, attributes["TARGET_ARN"]!["StringValue"]!.GetValue<string>());
        Assert.Equal("SDK_CLIENT_ERROR", attributes["ERROR_CODE"]!["StringValue"]!.GetValue<string>());
        Assert.Contains("unavailable", attributes["ERROR_MESSAGE"]!["StringValue"]!.GetValue<string>());
        Assert.Equal("2", attributes["RETRY_ATTEMPTS"]!["StringValue"]!.GetValue<string>());
    }

    [Fact]
    public async Task Retries_stop_when_the_event_gets_older_than_the_maximum_age()
    {
        await using var harness = new EventBridgeHarness();
        var owner = EventBridgeHarness.Orchestrator;
        var function = EventBridgeHarness.FunctionArn(owner, "broken");
        harness.Lambdas.Failing[function] = true;
        await harness.PutRuleAsync(owner, "to-broken", """{"source":["choreo.test"]}""",
        [
            new JsonObject
            {
                ["Id"] = "fn",
                ["Arn"] = function,
                ["RetryPolicy"] = new JsonObject { ["MaximumRetryAttempts"] = 185, ["MaximumEventAgeInSeconds"] = 60 },
            },
        ]);
        var start = harness.Clock.UtcNow;

        var put = await harness.Events.PutEventsAsync(owner, [new("choreo.test", "start", "{}", null)], CancellationToken.None);
        await harness.IdleAsync();

        var records = harness.Events.Deliveries.ForEvent(put.Entries[0].EventId!);
        Assert.Equal(DeliveryOutcome.Dropped, records[^1].Outcome);
        Assert.InRange(records.Count, 3, 10);
        Assert.True(harness.Clock.UtcNow - start <= TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task Invalid_retry_policy_is_refused_by_put_targets()
    {
        await using var harness = new EventBridgeHarness();
        var error = await Assert.ThrowsAsync<Choreo.LocalCloud.Hosting.AwsServiceException>(() => harness.PutRuleAsync(
            EventBridgeHarness.Orchestrator, "r", """{"source":["x"]}""",
            [new JsonObject
            {
                ["Id"] = "fn", ["Arn"] = EventBridgeHarness.FunctionArn(EventBridgeHarness.Orchestrator, "f"),
                ["RetryPolicy"] = new JsonObject { ["MaximumRetryAttempts"] = 186 },
            }]));
        Assert.Equal("ValidationException", error.ErrorCode);
    }
}
