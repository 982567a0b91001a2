using Amazon.CDK;
using Amazon.CDK.AWS.Events;
using Amazon.CDK.AWS.IAM;
using Constructs;

namespace Choreo.Orchestrator.Bus;

/// <summary>
/// The account's event bus (the article's L3 bus): every rule is added the same way (id, description, pattern),
/// PutEvents is granted through it, and it owns the resource policy that admits the peer account.
/// </summary>
public sealed class ChoreoBus : Construct
{
    public IEventBus Bus { get; }

    public ChoreoBus(Construct scope, string id, ChoreoBusProps props) : base(scope, id)
    {
        if (string.IsNullOrWhiteSpace(props.BusName))
        {
            throw new ArgumentException("ChoreoBus: the bus name is empty; use 'default' or the name of a bus to create.", nameof(props));
        }
        Bus = props.BusName == ChoreoBusProps.DefaultBusName || !props.DefinesBus
            ? EventBus.FromEventBusName(this, "Imported", props.BusName)
            : new EventBus(this, "Resource", new EventBusProps { EventBusName = props.BusName });
    }

    public string EventBusArn => Bus.EventBusArn;

    public string EventBusName => Bus.EventBusName;

    /// <summary>Adds a rule on this bus whose description says what it routes where.</summary>
    public Rule AddRule(string id, string description, IEventPattern pattern, params IRuleTarget[] targets) =>
        new(this, id, new RuleProps
        {
            EventBus = Bus,
            Description = description,
            EventPattern = pattern,
            Targets = targets,
        });

    /// <summary>Lets an IAM principal of this account put events on this bus.</summary>
    public Grant GrantPutEvents(IGrantable grantee) => Bus.GrantPutEventsTo(grantee);

    /// <summary>
    /// Admits a peer account for the given sources and detail-types only. This is a real bus policy resource:
    /// granting PutEvents to an account principal on an imported bus would silently do nothing.
    /// </summary>
    public CfnEventBusPolicy AdmitPeer(string statementId, PeerAdmission admission)
    {
        if (admission.Sources.Count == 0 || admission.DetailTypes.Count == 0)
        {
            throw new ArgumentException($"ChoreoBus: admitting account {admission.Account} needs at least one source and one detail-type; an unconditional admission is not allowed.", nameof(admission));
        }
        var statement = new Dictionary<string, object>
        {
            ["Sid"] = statementId,
            ["Effect"] = "Allow",
            ["Principal"] = new Dictionary<string, object> { ["AWS"] = $"arn:{Aws.PARTITION}:iam::{admission.Account}:root" },
            ["Action"] = "events:PutEvents",
            ["Resource"] = Bus.EventBusArn,
            ["Condition"] = new Dictionary<string, object>
            {
                ["StringEquals"] = new Dictionary<string, object>
                {
                    ["events:source"] = admission.Sources.ToArray(),
                    ["events:detail-type"] = admission.DetailTypes.ToArray(),
                },
            },
        };
        return new CfnEventBusPolicy(this, statementId, new CfnEventBusPolicyProps
        {
            EventBusName = Bus.EventBusName,
            StatementId = statementId,
            Statement = statement,
        });
    }
}
