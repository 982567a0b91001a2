using Amazon.CDK;
using Amazon.CDK.AWS.Events;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.SQS;
using Constructs;
using EventBusTarget = Amazon.CDK.AWS.Events.Targets.EventBus;
using EventBusTargetProps = Amazon.CDK.AWS.Events.Targets.EventBusProps;

namespace Choreo.Worker.Infrastructure.Events;

/// <summary>
/// The return rule: the worker's answers go to the orchestrator account's bus through a role that may put
/// events on that one ARN, and an SQS-encrypted dead-letter queue, so an answer that cannot be delivered is
/// kept instead of leaving a task waiting unseen. No RetryPolicy: AWS documents none for event-bus targets
/// and the CDK's EventBus target refuses one (aws-cdk issue 28735), so EventBridge's default retry applies
/// (24 hours, 185 attempts) before the dead-letter queue.
/// </summary>
public sealed class ReturnToOrchestrator : Construct
{
    public IRule Rule { get; }

    public IRole Role { get; }

    /// <summary>Answers EventBridge could not deliver after its retries.</summary>
    public IQueue DeadLetters { get; }

    public ReturnToOrchestrator(Construct scope, string id, ReturnToOrchestratorProps props) : base(scope, id)
    {
        DeadLetters = DeadLetterQueue.Create(this, "DeadLetters");
        // The target adds the one statement this role holds: events:PutEvents on the orchestrator bus ARN.
        Role = new Role(this, "Role", new RoleProps
        {
            AssumedBy = new ServicePrincipal("events.amazonaws.com"),
            Description = "Choreo return rule: puts worker answers on the orchestrator bus",
        });
        var rule = new Rule(this, "Rule", new RuleProps
        {
            EventBus = props.Bus,
            Description = "Worker answers go back to the orchestrator account",
            EventPattern = new EventPattern
            {
                Source = [props.Source],
                DetailType = [.. props.DetailTypes],
            },
            Targets =
            [
                new EventBusTarget(props.OrchestratorBus, new EventBusTargetProps { Role = Role, DeadLetterQueue = DeadLetters }),
            ],
        });
        Rule = rule;
    }
}
