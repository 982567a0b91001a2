using Amazon.CDK.AWS.Events;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.SQS;
using Amazon.JSII.Runtime.Deputy;

namespace Choreo.Orchestrator.Forwarding;

/// <summary>
/// A rule target that is another account's bus, with a retry policy and a dead-letter queue. The CDK's own
/// EventBus target offers no retry policy (aws-cdk issue 28735), although EventBridge supports one.
/// </summary>
public sealed class PeerBusTarget(string busArn, IRole role, IQueue deadLetters, int retryAttempts, int maxEventAgeSeconds)
    : DeputyBase, IRuleTarget
{
    public IRuleTargetConfig Bind(IRule rule, string? id = null) => new RuleTargetConfig
    {
        Arn = busArn,
        Role = role,
        DeadLetterConfig = new CfnRule.DeadLetterConfigProperty { Arn = deadLetters.QueueArn },
        RetryPolicy = new CfnRule.RetryPolicyProperty
        {
            MaximumRetryAttempts = retryAttempts,
            MaximumEventAgeInSeconds = maxEventAgeSeconds,
        },
    };
}
