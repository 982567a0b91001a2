using Choreo.LocalCloud.EventBridge.Model;
using Choreo.LocalCloud.Policies;
using Choreo.LocalCloud.Sqs.Model;

namespace Choreo.LocalCloud.EventBridge.Policies;

/// <summary>
/// Whether EventBridge may send a rule's event to an SQS queue, as a target or as a target's dead-letter queue.
/// AWS: a queue in the rule's account is reached as the service principal <c>events.amazonaws.com</c>, so the queue
/// policy must allow it <c>sqs:SendMessage</c> (typically conditioned on <c>aws:SourceArn</c> = the rule ARN); the
/// same for a dead-letter queue. A queue in another account is reached through the target's role, which the queue
/// policy must allow. With a role in the rule's own account, the role's identity policy suffices on AWS; local-cloud
/// does not evaluate identity policies, so that case is admitted.
/// Sources: EventBridge User Guide, "Using resource-based policies for Amazon EventBridge" (Amazon SQS permissions),
/// "Using dead-letter queues to process undelivered events" (granting permissions to the dead-letter queue),
/// "Sending events to an AWS service in another account".
/// </summary>
public static class QueueConsent
{
    public const string SendMessage = "sqs:SendMessage";
    public const string EventBridgeService = "events.amazonaws.com";

    public static bool Admits(SqsQueue queue, string ruleArn, string? roleArn)
    {
        var ruleAccount = EventBridgeArn.AccountOf(ruleArn) ?? "";
        if (roleArn is not null && queue.Owner.AccountId == ruleAccount)
        {
            return true;
        }
        var keys = new Dictionary<string, string>
        {
            ["aws:SourceArn"] = ruleArn,
            ["aws:SourceAccount"] = ruleAccount,
            ["aws:SecureTransport"] = "true",
        };
        var request = roleArn is null
            ? new PolicyRequest("", SendMessage, queue.Arn, keys, PrincipalService: EventBridgeService)
            : new PolicyRequest(EventBridgeArn.AccountOf(roleArn) ?? "", SendMessage, queue.Arn, keys);
        return ResourcePolicy.ParseStored(queue.Policy, requireResource: false)?.Evaluate(request) == PolicyEffect.Allow;
    }

    public static string Refusal(SqsQueue queue, string ruleArn, string? roleArn) =>
        $"The resource policy of SQS queue {queue.Arn} does not allow {roleArn ?? EventBridgeService} to perform {SendMessage} for rule {ruleArn}.";
}
