using Amazon.CDK;
using Amazon.CDK.AWS.Events;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.SQS;
using Constructs;

namespace Choreo.Orchestrator.Forwarding;

/// <summary>
/// Forwards named detail-types of one source to a peer account's bus: the rule, a role that may only put
/// events on that bus, and an encrypted dead-letter queue for what EventBridge's default retries (24 hours)
/// still cannot deliver (see <see cref="PeerBusTarget"/> for why there is no RetryPolicy).
/// </summary>
public sealed class ForwardToPeerBus : Construct
{
    public string PeerBusArn { get; }
    public IRole Role { get; }
    public IQueue DeadLetters { get; }
    public Rule Rule { get; }

    public ForwardToPeerBus(Construct scope, string id, ForwardToPeerBusProps props) : base(scope, id)
    {
        if (props.DetailTypes.Count == 0)
        {
            throw new ArgumentException($"ForwardToPeerBus {id}: no detail-types given; forwarding everything of a source is not allowed.", nameof(props));
        }

        PeerBusArn = Stack.Of(this).FormatArn(new ArnComponents
        {
            Service = "events",
            Account = props.PeerAccount,
            Region = props.PeerRegion,
            Resource = "event-bus",
            ResourceName = props.PeerBusName,
        });

        DeadLetters = new Queue(this, "DeadLetters", new QueueProps
        {
            // SQS-managed keys: EventBridge can write to the queue without a KMS key policy.
            Encryption = QueueEncryption.SQS_MANAGED,
            EnforceSSL = true,
            RetentionPeriod = Duration.Days(14),
        });

        Role = new Role(this, "Role", new RoleProps
        {
            AssumedBy = new ServicePrincipal("events.amazonaws.com"),
            Description = $"Puts forwarded events on the bus of account {props.PeerAccount}, and nowhere else.",
            InlinePolicies = new Dictionary<string, PolicyDocument>
            {
                ["PutEventsOnPeerBus"] = new(new PolicyDocumentProps
                {
                    Statements =
                    [
                        new PolicyStatement(new PolicyStatementProps
                        {
                            Actions = ["events:PutEvents"],
                            Resources = [PeerBusArn],
                        }),
                    ],
                }),
            },
        });

        Rule = props.Bus.AddRule(
            id,
            $"Forwards {string.Join(", ", props.DetailTypes)} from {props.Source} to the bus of account {props.PeerAccount}.",
            new EventPattern { Source = [props.Source], DetailType = props.DetailTypes.ToArray() },
            new PeerBusTarget(PeerBusArn, Role, DeadLetters));

        DeadLetters.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "ForwardRuleDeadLetters",
            Principals = [new ServicePrincipal("events.amazonaws.com")],
            Actions = ["sqs:SendMessage"],
            Resources = [DeadLetters.QueueArn],
            Conditions = new Dictionary<string, object>
            {
                ["ArnEquals"] = new Dictionary<string, object> { ["aws:SourceArn"] = Rule.RuleArn },
            },
        }));
    }
}
