using System.Text.Json.Nodes;
using Choreo.LocalCloud.EventBridge.Delivery;
using Choreo.LocalCloud.Services;

namespace LocalCloud.Tests.EventBridge;

public sealed class RoutingTests
{
    private static readonly string StateMachine = "arn:aws:states:us-east-1:111111111111:stateMachine:main";
    private const string StartRole = "arn:aws:iam::111111111111:role/start-main";

    [Fact]
    public async Task A_matching_rule_invokes_its_lambda_target_asynchronously_with_the_whole_event()
    {
        await using var harness = new EventBridgeHarness();
        var function = EventBridgeHarness.FunctionArn(EventBridgeHarness.Orchestrator, "getMultiple");
        await harness.PutRuleAsync(EventBridgeHarness.Orchestrator, "start", """{"detail-type":["start"]}""",
            [new JsonObject { ["Id"] = "fn", ["Arn"] = function }]);

        var result = await harness.Events.PutEventsAsync(EventBridgeHarness.Orchestrator,
            [new PutEventsEntry("choreo.test", "start", """{"job":"j-1"}""", null, ["arn:aws:s3:::bucket"])], CancellationToken.None);
        await harness.IdleAsync();

        var invocation = Assert.Single(harness.Lambdas.Invocations);
        Assert.Equal(function, invocation.FunctionArn);
        Assert.Equal(LambdaInvocationType.Event, invocation.Type);
        var delivered = JsonNode.Parse(invocation.Payload)!;
        Assert.Equal("0", delivered["version"]!.GetValue<string>());
        Assert.Equal(result.Entries[0].EventId, delivered["id"]!.GetValue<string>());
        Assert.Equal("start", delivered["detail-type"]!.GetValue<string>());
        Assert.Equal("choreo.test", delivered["source"]!.GetValue<string>());
        Assert.Equal("111111111111", delivered["account"]!.GetValue<string>());
        Assert.Equal("us-east-1", delivered["region"]!.GetValue<string>());
        Assert.Equal("2026-01-02T03:04:05Z", delivered["time"]!.GetValue<string>());
        Assert.Equal("arn:aws:s3:::bucket", delivered["resources"]![0]!.GetValue<string>());
        Assert.Equal("j-1", delivered["detail"]!["job"]!.GetValue<string>());
        Assert.Equal(DeliveryOutcome.Delivered, Assert.Single(harness.Events.Deliveries.Snapshot()).Outcome);
    }

    [Fact]
    public async Task Non_matching_events_and_disabled_rules_reach_no_target()
    {
        await using var harness = new EventBridgeHarness();
        var function = EventBridgeHarness.FunctionArn(EventBridgeHarness.Orchestrator, "f");
        await harness.PutRuleAsync(EventBridgeHarness.Orchestrator, "only-done", """{"detail-type":["done"]}""",
            [new JsonObject { ["Id"] = "fn", ["Arn"] = function }]);
        await harness.PutRuleAsync(EventBridgeHarness.Orchestrator, "off", """{"source":["choreo.test"]}""",
            [new JsonObject { ["Id"] = "fn", ["Arn"] = function }]);
        await harness.CallAsync("DisableRule", new() { ["Name"] = "off" }, EventBridgeHarness.Orchestrator);

        await harness.Events.PutEventsAsync(EventBridgeHarness.Orchestrator, [new("choreo.test", "start", "{}", null)], CancellationToken.None);
        await harness.IdleAsync();

        Assert.Empty(harness.Lambdas.Invocations);
    }

    [Fact]
    public async Task A_step_functions_target_starts_an_execution_with_the_input_transformer_output()
    {
        await using var harness = new EventBridgeHarness();
        var ruleArn = await harness.PutRuleAsync(EventBridgeHarness.Orchestrator, "start", """{"detail-type":["start"]}""",
        [
            new JsonObject
            {
                ["Id"] = "sm",
                ["Arn"] = StateMachine,
                ["RoleArn"] = StartRole,
                ["InputTransformer"] = new JsonObject
                {
                    ["InputPathsMap"] = new JsonObject { ["job"] = "$.detail.job", ["count"] = "$.detail.count", ["missing"] = "$.detail.nope" },
                    ["InputTemplate"] = """{"job": <job>, "label": "job <job> x<count>", "count": <count>, "missing": <missing>, "rule": "<aws.events.rule-name>", "arn": "<aws.events.rule-arn>"}""",
                },
            },
        ]);

        await harness.Events.PutEventsAsync(EventBridgeHarness.Orchestrator,
            [new("choreo.test", "start", """{"job":"j \"1\"","count":3}""", null)], CancellationToken.None);
        await harness.IdleAsync();

        var start = Assert.Single(harness.StateMachines.Starts);
        Assert.Equal(StateMachine, start.StateMachineArn);
        var input = JsonNode.Parse(start.Input)!;
        Assert.Equal("j \"1\"", input["job"]!.GetValue<string>());
        Assert.Equal("job j \"1\" x3", input["label"]!.GetValue<string>());
        Assert.Equal(3, input["count"]!.GetValue<int>());
        Assert.Null(input["missing"]);
        Assert.Equal("start", input["rule"]!.GetValue<string>());
        Assert.Equal(ruleArn, input["arn"]!.GetValue<string>());
    }

    [Fact]
    public async Task Input_path_delivers_only_the_selected_part_and_input_delivers_the_constant()
    {
        await using var harness = new EventBridgeHarness();
        var pathFunction = EventBridgeHarness.FunctionArn(EventBridgeHarness.Orchestrator, "path");
        var constFunction = EventBridgeHarness.FunctionArn(EventBridgeHarness.Orchestrator, "const");
        await harness.PutRuleAsync(EventBridgeHarness.Orchestrator, "r", """{"source":["choreo.test"]}""",
        [
            new JsonObject { ["Id"] = "path", ["Arn"] = pathFunction, ["InputPath"] = "$.detail.meta" },
            new JsonObject { ["Id"] = "const", ["Arn"] = constFunction, ["Input"] = """{"fixed":true}""" },
        ]);

        await harness.Events.PutEventsAsync(EventBridgeHarness.Orchestrator,
            [new("choreo.test", "start", """{"meta":{"job":"j"}}""", null)], CancellationToken.None);
        await harness.IdleAsync();

        var payloads = harness.Lambdas.Invocations.ToDictionary(invocation => invocation.FunctionArn, invocation => invocation.Payload);
        Assert.Equal("""{"job":"j"}""", payloads[pathFunction]);
        Assert.Equal("""{"fixed":true}""", payloads[constFunction]);
    }

    [Fact]
    public async Task Events_reach_one_target_in_the_order_they_were_put()
    {
        await using var harness = new EventBridgeHarness();
        await harness.PutRuleAsync(EventBridgeHarness.Orchestrator, "all", """{"source":["choreo.test"]}""",
            [new JsonObject { ["Id"] = "sm", ["Arn"] = StateMachine, ["RoleArn"] = StartRole, ["InputPath"] = "$.detail.n" }]);

        for (var n = 0; n < 20; n++)
        {
            await harness.Events.PutEventsAsync(EventBridgeHarness.Orchestrator, [new("choreo.test", "tick", $$"""{"n":{{n}}}""", null)], CancellationToken.None);
        }
        await harness.IdleAsync();

        Assert.Equal(Enumerable.Range(0, 20).Select(n => n.ToString()), harness.StateMachines.Starts.Select(start => start.Input));
    }
}
