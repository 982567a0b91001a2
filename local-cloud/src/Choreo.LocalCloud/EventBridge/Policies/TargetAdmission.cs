using Choreo.LocalCloud.Accounts;
using Choreo.LocalCloud.EventBridge.Model;
using Choreo.LocalCloud.Hosting;

namespace Choreo.LocalCloud.EventBridge.Policies;

/// <summary>
/// What EventBridge checks when PutTargets (or <c>AWS::Events::Rule</c>) gives a rule a target, before any event
/// flows, so a deploy fails here exactly where it fails on AWS:
/// <list type="bullet">
/// <item>a target EventBridge reaches only by assuming a role (Step Functions, Kinesis, a bus in the same account, ...)
/// needs <c>RoleArn</c>: ValidationException "RoleArn is required for target {arn}.";</item>
/// <item>an event bus in another account must admit the rule's account (or its target role) in its resource policy
/// at that moment: AccessDeniedException otherwise;</item>
/// <item>other targets in another account only where AWS delivers across accounts (SQS, SNS, Lambda, Kinesis Data
/// Streams, API Gateway), and then only with a role of the rule's account; any other kind is refused with
/// AccessDeniedException.</item>
/// </list>
/// Sources: EventBridge User Guide, "Sending and receiving events between AWS accounts" (eb-cross-account),
/// "Sending events to an AWS service in another account" (eb-service-cross-account), "Using resource-based policies"
/// (eb-use-resource-based). Error texts as AWS answers them in publicly reported deploy failures.
/// </summary>
public static class TargetAdmission
{
    // Invoked by assuming the target's role; Lambda, SNS, SQS and CloudWatch Logs use their resource policies instead.
    private static readonly HashSet<string> RoleOnlyServices = new(StringComparer.Ordinal)
    {
        "batch", "codebuild", "codepipeline", "ecs", "firehose", "glue", "inspector", "kinesis", "redshift",
        "sagemaker", "ssm", "ssm-incidents", "states",
    };

    // eb-service-cross-account: the AWS services EventBridge delivers to in another account (with an execution role).
    private static readonly HashSet<string> CrossAccountServices = new(StringComparer.Ordinal)
    {
        "sqs", "sns", "lambda", "kinesis", "execute-api",
    };

    /// <summary>Throws the error AWS answers when <paramref name="target"/> may not be put on a rule of <paramref name="ruleOwner"/>.</summary>
    /// <param name="findBus">Looks up a bus by owner and name (null when it does not exist).</param>
    public static void Check(AccountContext ruleOwner, RuleTarget target, Func<AccountContext, string, EventBus?> findBus)
    {
        var service = EventBridgeArn.ServiceOf(target.Arn);
        if (service is null)
        {
            throw new AwsServiceException("ValidationException", $"Parameter(s) Arn is not valid: '{target.Arn}' is not an ARN.");
        }
        var targetAccount = EventBridgeArn.AccountOf(target.Arn);
        var crossAccount = targetAccount is not null && targetAccount != ruleOwner.AccountId;
        if (service == "events")
        {
            CheckBusTarget(ruleOwner, target, crossAccount, findBus);
            return;
        }
        if (RoleOnlyServices.Contains(service) && target.RoleArn is null)
        {
            throw RoleRequired(target);
        }
        if (!crossAccount)
        {
            return;
        }
        if (!CrossAccountServices.Contains(service))
        {
            throw new AwsServiceException("AccessDeniedException",
                $"Access to the resource {target.Arn} is denied. Reason: Adding cross-account target is not permitted.");
        }
        if (target.RoleArn is null)
        {
            throw RoleRequired(target);
        }
    }

    private static void CheckBusTarget(AccountContext ruleOwner, RuleTarget target, bool crossAccount, Func<AccountContext, string, EventBus?> findBus)
    {
        if (!crossAccount)
        {
            // Bus to bus in one account goes through a role (eb-bus-to-bus).
            if (target.RoleArn is null)
            {
                throw RoleRequired(target);
            }
            return;
        }
        var (busOwner, busName) = EventBridgeArn.ResolveBus(target.Arn, ruleOwner)
            ?? throw new AwsServiceException("ValidationException", $"Parameter(s) Arn is not valid: '{target.Arn}' is not an event-bus ARN.");
        // With a role, EventBridge puts the event as that role; without, as the rule's account (the legacy way).
        var principalAccount = target.RoleArn is { } role ? EventBridgeArn.AccountOf(role) ?? ruleOwner.AccountId : ruleOwner.AccountId;
        var bus = findBus(busOwner, busName);
        if (bus is null || !BusPolicy.Admits(bus.Policy, principalAccount, target.Arn))
        {
            throw new AwsServiceException("AccessDeniedException", PutEventsAuthorization.NotAuthorized(ruleOwner.AccountId, target.Arn));
        }
    }

    private static AwsServiceException RoleRequired(RuleTarget target) =>
        new("ValidationException", $"RoleArn is required for target {target.Arn}.");
}
