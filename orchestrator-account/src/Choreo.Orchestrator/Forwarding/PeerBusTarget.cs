using Amazon.CDK.AWS.Events;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.SQS;
using Amazon.JSII.Runtime.Deputy;

namespace Choreo.Orchestrator.Forwarding;

/// <summary>
/// A rule target that is another account's bus, with a role and a dead-letter queue and deliberately no
/// RetryPolicy: AWS documents retry policies for targets in general but never for event-bus targets, and the
/// CDK's own EventBus target states that a retry policy is not supported for them (aws-cdk issue 28735).
/// EventBridge's default retry (24 hours, 185 attempts) applies, then the dead-letter queue.
/// </summary>
public sealed class PeerBusTarget(string busArn, IRole role, IQueue deadLetters)
    : DeputyBase, IRuleTarget
{
    public IRuleTargetConfig Bind(IRule rule, string? id = null) => new RuleTargetConfig
    {
        Arn = busArn,
        Role = role,
        DeadLetterConfig = new CfnRule.DeadLetterConfigProperty { Arn = deadLetters.QueueArn },
    };
}
