using System.Text.Json.Nodes;
using Choreo.LocalCloud.CloudFormation.Resources;
using Choreo.LocalCloud.EventBridge.Delivery;
using Choreo.LocalCloud.Lambda.CloudFormation;
using Choreo.LocalCloud.Lambda.Model;

namespace LocalCloud.Tests.EventBridge;

/// <summary>
/// EventBridge invokes a function target only when the function's resource-based policy (here from
/// <c>AWS::Lambda::Permission</c>, as CDK writes it) lets it; otherwise the delivery fails with NO_PERMISSIONS.
/// </summary>
public sealed class FunctionConsentTests
{
    private readonly FunctionRegistry _functions = new();

    private string Function(Choreo.LocalCloud.Accounts.AccountContext account, string name)
    {
        var function = new LambdaFunction(account, name, "H", "provided.al2023", null, new Dictionary<string, string>(), TimeSpan.FromSeconds(3), 128);
        _functions.Put(function);
        return function.Arn;
    }

    private Task Permit(Choreo.LocalCloud.Accounts.AccountContext account, string functionArn, string principal, string? sourceArn) =>
        new PermissionProvider(_functions).CreateAsync(new ResourceRequest(account, "Stack", "AllowRule", new JsonObject
        {
            ["Action"] = "lambda:InvokeFunction",
            ["FunctionName"] = functionArn,
            ["Principal"] = principal,
            ["SourceArn"] = sourceArn,
        }, "/tmp", new Dictionary<string, JsonNode?>()), CancellationToken.None);

    private static async Task PutAsync(EventBridgeHarness harness)
    {
        await harness.Events.PutEventsAsync(EventBridgeHarness.Orchestrator, [new("choreo.test", "tick", "{}", null)], CancellationToken.None);
        await harness.IdleAsync();
    }

    private static Task<string> RuleAsync(EventBridgeHarness harness, string functionArn, string? roleArn = null)
    {
        var target = new JsonObject { ["Id"] = "fn", ["Arn"] = functionArn };
        if (roleArn is not null) target["RoleArn"] = roleArn;
        return harness.PutRuleAsync(EventBridgeHarness.Orchestrator, "to-fn", """{"source":["choreo.test"]}""", [target]);
    }

    [Fact]
    public async Task A_function_without_a_permission_for_eventbridge_is_not_invoked_and_the_failure_is_no_permissions()
    {
        await using var harness = new EventBridgeHarness(_functions.PolicyOf);
        var function = Function(EventBridgeHarness.Orchestrator, "getMultiple");
        await RuleAsync(harness, function);

        await PutAsync(harness);

        Assert.Empty(harness.Lambdas.Invocations);
        var record = Assert.Single(harness.Events.Deliveries.Snapshot());
        Assert.Equal(TargetDeliveryException.NoPermissions, record.ErrorCode);
        Assert.Equal(DeliveryOutcome.Dropped, record.Outcome);
    }

    [Fact]
    public async Task A_function_whose_permission_names_the_rule_is_invoked()
    {
        await using var harness = new EventBridgeHarness(_functions.PolicyOf);
        var function = Function(EventBridgeHarness.Orchestrator, "getMultiple");
        var rule = await RuleAsync(harness, function);
        await Permit(EventBridgeHarness.Orchestrator, function, "events.amazonaws.com", rule);

        await PutAsync(harness);

        Assert.Equal(function, Assert.Single(harness.Lambdas.Invocations).FunctionArn);
    }

    [Fact]
    public async Task A_permission_for_another_rule_does_not_let_this_rule_invoke()
    {
        await using var harness = new EventBridgeHarness(_functions.PolicyOf);
        var function = Function(EventBridgeHarness.Orchestrator, "getMultiple");
        await RuleAsync(harness, function);
        await Permit(EventBridgeHarness.Orchestrator, function, "events.amazonaws.com", "arn:aws:events:us-east-1:111111111111:rule/other");

        await PutAsync(harness);

        Assert.Empty(harness.Lambdas.Invocations);
    }

    [Fact]
    public async Task A_function_of_another_account_is_invoked_through_the_target_role_only_once_it_permits_the_rule_account()
    {
        await using var harness = new EventBridgeHarness(_functions.PolicyOf);
        var function = Function(EventBridgeHarness.Worker, "getMultiple");
        await RuleAsync(harness, function, "arn:aws:iam::111111111111:role/invoke-worker");

        await PutAsync(harness);
        var before = harness.Lambdas.Invocations.Count;
        await Permit(EventBridgeHarness.Worker, function, "111111111111", null);
        await PutAsync(harness);

        Assert.Equal(0, before);
        Assert.Single(harness.Lambdas.Invocations);
    }
}
