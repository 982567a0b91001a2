using System.Text.Json.Nodes;
using Choreo.LocalCloud.Hosting;

namespace LocalCloud.Tests.EventBridge;

/// <summary>What PutTargets refuses before any event flows, each next to its nearest accepted sibling.</summary>
public sealed class TargetAdmissionTests
{
    private const string WorkerBusArn = "arn:aws:events:us-east-1:222222222222:event-bus/worker";
    private const string OrchestratorRole = "arn:aws:iam::111111111111:role/forward";

    private static async Task<EventBridgeHarness> HarnessWithRuleAsync()
    {
        var harness = new EventBridgeHarness();
        await harness.CallAsync("CreateEventBus", new() { ["Name"] = "worker" }, EventBridgeHarness.Worker);
        await harness.CallAsync("PutRule", new() { ["Name"] = "r", ["EventPattern"] = """{"source":["choreo.orchestrator"]}""" }, EventBridgeHarness.Orchestrator);
        return harness;
    }

    private static Task<JsonNode> PutTargetAsync(EventBridgeHarness harness, string arn, string? roleArn)
    {
        var target = new JsonObject { ["Id"] = "t", ["Arn"] = arn };
        if (roleArn is not null) target["RoleArn"] = roleArn;
        return harness.CallAsync("PutTargets", new() { ["Rule"] = "r", ["Targets"] = new JsonArray(target) }, EventBridgeHarness.Orchestrator);
    }

    private static Task SetWorkerPolicyAsync(EventBridgeHarness harness, JsonObject statement) =>
        harness.CallAsync("PutPermission", new()
        {
            ["EventBusName"] = "worker",
            ["Policy"] = new JsonObject { ["Version"] = "2012-10-17", ["Statement"] = new JsonArray(statement) }.ToJsonString(),
        }, EventBridgeHarness.Worker);

    private static JsonObject Admit(string principal, string effect = "Allow", JsonObject? condition = null)
    {
        var statement = new JsonObject
        {
            ["Sid"] = "s",
            ["Effect"] = effect,
            ["Principal"] = new JsonObject { ["AWS"] = principal },
            ["Action"] = "events:PutEvents",
            ["Resource"] = WorkerBusArn,
        };
        if (condition is not null) statement["Condition"] = condition;
        return statement;
    }

    [Fact]
    public async Task A_bus_policy_that_admits_the_account_only_for_some_sources_still_admits_the_target()
    {
        await using var harness = await HarnessWithRuleAsync();
        await SetWorkerPolicyAsync(harness, Admit("arn:aws:iam::111111111111:root", condition: new JsonObject
        {
            ["StringEquals"] = new JsonObject { ["events:source"] = "choreo.orchestrator" },
            ["ForAnyValue:StringEquals"] = new JsonObject { ["events:detail-type"] = new JsonArray("getUsers") },
        }));

        await PutTargetAsync(harness, WorkerBusArn, OrchestratorRole);

        Assert.Equal(WorkerBusArn, Assert.Single(harness.Events.ListTargets(EventBridgeHarness.Orchestrator, "default", "r")).Arn);
    }

    [Fact]
    public async Task A_bus_policy_that_admits_only_another_account_refuses_the_target()
    {
        await using var harness = await HarnessWithRuleAsync();
        await SetWorkerPolicyAsync(harness, Admit("arn:aws:iam::333333333333:root"));

        var refused = await Assert.ThrowsAsync<AwsServiceException>(() => PutTargetAsync(harness, WorkerBusArn, OrchestratorRole));

        Assert.Equal("AccessDeniedException", refused.ErrorCode);
        Assert.Empty(harness.Events.ListTargets(EventBridgeHarness.Orchestrator, "default", "r"));
    }

    [Fact]
    public async Task An_unconditional_deny_of_the_account_refuses_the_target_even_beside_an_allow()
    {
        await using var harness = await HarnessWithRuleAsync();
        await harness.CallAsync("PutPermission", new()
        {
            ["EventBusName"] = "worker",
            ["Policy"] = new JsonObject
            {
                ["Version"] = "2012-10-17",
                ["Statement"] = new JsonArray(Admit("*"), Admit("111111111111", "Deny")),
            }.ToJsonString(),
        }, EventBridgeHarness.Worker);

        var refused = await Assert.ThrowsAsync<AwsServiceException>(() => PutTargetAsync(harness, WorkerBusArn, null));

        Assert.Equal("AccessDeniedException", refused.ErrorCode);
    }

    [Fact]
    public async Task Removing_the_permission_makes_the_next_put_targets_fail_again()
    {
        await using var harness = await HarnessWithRuleAsync();
        await harness.CallAsync("PutPermission", new() { ["EventBusName"] = "worker", ["StatementId"] = "o", ["Principal"] = "111111111111" }, EventBridgeHarness.Worker);
        await PutTargetAsync(harness, WorkerBusArn, null);

        await harness.CallAsync("RemovePermission", new() { ["EventBusName"] = "worker", ["StatementId"] = "o" }, EventBridgeHarness.Worker);
        var refused = await Assert.ThrowsAsync<AwsServiceException>(() => PutTargetAsync(harness, WorkerBusArn, null));

        Assert.Equal("AccessDeniedException", refused.ErrorCode);
    }

    [Fact]
    public async Task A_bus_in_another_account_that_does_not_exist_is_refused_like_one_that_does_not_admit()
    {
        await using var harness = await HarnessWithRuleAsync();

        var refused = await Assert.ThrowsAsync<AwsServiceException>(() =>
            PutTargetAsync(harness, "arn:aws:events:us-east-1:222222222222:event-bus/nobody", OrchestratorRole));

        Assert.Equal("AccessDeniedException", refused.ErrorCode);
    }

    [Theory]
    [InlineData("arn:aws:events:us-east-1:111111111111:event-bus/audit")]
    [InlineData("arn:aws:states:us-east-1:111111111111:stateMachine:main")]
    public async Task A_target_EventBridge_reaches_only_through_a_role_is_refused_without_one_and_accepted_with_one(string arn)
    {
        await using var harness = await HarnessWithRuleAsync();
        await harness.CallAsync("CreateEventBus", new() { ["Name"] = "audit" }, EventBridgeHarness.Orchestrator);

        var refused = await Assert.ThrowsAsync<AwsServiceException>(() => PutTargetAsync(harness, arn, null));
        await PutTargetAsync(harness, arn, "arn:aws:iam::111111111111:role/events-invoke");

        Assert.Equal("ValidationException", refused.ErrorCode);
        Assert.Equal($"RoleArn is required for target {arn}.", refused.Message);
        Assert.Single(harness.Events.ListTargets(EventBridgeHarness.Orchestrator, "default", "r"));
    }

    [Fact]
    public async Task A_state_machine_of_another_account_is_refused_even_with_a_role()
    {
        await using var harness = await HarnessWithRuleAsync();
        const string machine = "arn:aws:states:us-east-1:222222222222:stateMachine:worker-main";

        var refused = await Assert.ThrowsAsync<AwsServiceException>(() => PutTargetAsync(harness, machine, OrchestratorRole));

        Assert.Equal("AccessDeniedException", refused.ErrorCode);
        Assert.Equal($"Access to the resource {machine} is denied. Reason: Adding cross-account target is not permitted.", refused.Message);
        Assert.Empty(harness.Events.ListTargets(EventBridgeHarness.Orchestrator, "default", "r"));
    }

    [Fact]
    public async Task A_queue_of_another_account_needs_a_role_of_the_rule_account_and_is_accepted_with_one()
    {
        await using var harness = await HarnessWithRuleAsync();
        const string queue = "arn:aws:sqs:us-east-1:222222222222:inbox";

        var refused = await Assert.ThrowsAsync<AwsServiceException>(() => PutTargetAsync(harness, queue, null));
        await PutTargetAsync(harness, queue, OrchestratorRole);

        Assert.Equal("ValidationException", refused.ErrorCode);
        Assert.Equal($"RoleArn is required for target {queue}.", refused.Message);
        Assert.Single(harness.Events.ListTargets(EventBridgeHarness.Orchestrator, "default", "r"));
    }

    [Fact]
    public async Task A_queue_and_a_function_of_the_same_account_need_no_role()
    {
        await using var harness = await HarnessWithRuleAsync();

        await PutTargetAsync(harness, "arn:aws:sqs:us-east-1:111111111111:inbox", null);
        await harness.CallAsync("PutTargets", new()
        {
            ["Rule"] = "r",
            ["Targets"] = new JsonArray(new JsonObject { ["Id"] = "fn", ["Arn"] = EventBridgeHarness.FunctionArn(EventBridgeHarness.Orchestrator, "f") }),
        }, EventBridgeHarness.Orchestrator);

        Assert.Equal(2, harness.Events.ListTargets(EventBridgeHarness.Orchestrator, "default", "r").Count);
    }
}
