using Choreo.LocalCloud.EventBridge.Model;
using Choreo.LocalCloud.Policies;

namespace Choreo.LocalCloud.EventBridge.Policies;

/// <summary>
/// Whether EventBridge may invoke a Lambda function target. AWS: a function in the rule's account is invoked as the
/// service principal <c>events.amazonaws.com</c>, so the function's resource-based policy (AddPermission,
/// <c>AWS::Lambda::Permission</c>) must allow it <c>lambda:InvokeFunction</c>, usually for the rule's ARN only; a
/// function in another account is invoked through the target's role, which the function policy must allow. With a
/// role of the rule's own account the role's identity policy suffices on AWS; local-cloud does not evaluate identity
/// policies, so that case is admitted.
/// Sources: EventBridge User Guide, "Using resource-based policies for Amazon EventBridge" (AWS Lambda permissions),
/// "Sending events to an AWS service in another account".
/// </summary>
public static class FunctionConsent
{
    public const string InvokeFunction = "lambda:InvokeFunction";

    public static bool Admits(string? functionPolicy, string functionArn, string ruleArn, string? roleArn)
    {
        var ruleAccount = EventBridgeArn.AccountOf(ruleArn) ?? "";
        var functionAccount = EventBridgeArn.AccountOf(functionArn);
        if (roleArn is not null && functionAccount == ruleAccount)
        {
            return true;
        }
        var keys = new Dictionary<string, string> { ["aws:SourceArn"] = ruleArn, ["aws:SourceAccount"] = ruleAccount };
        var request = roleArn is null
            ? new PolicyRequest("", InvokeFunction, functionArn, keys, PrincipalService: QueueConsent.EventBridgeService)
            : new PolicyRequest(EventBridgeArn.AccountOf(roleArn) ?? "", InvokeFunction, functionArn, keys);
        return ResourcePolicy.ParseStored(functionPolicy, requireResource: false)?.Evaluate(request) == PolicyEffect.Allow;
    }

    public static string Refusal(string functionArn, string ruleArn, string? roleArn) =>
        $"The resource-based policy of function {functionArn} does not allow {roleArn ?? QueueConsent.EventBridgeService} to perform {InvokeFunction} for rule {ruleArn}.";
}
