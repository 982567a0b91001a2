using Amazon.CDK;
using Amazon.CDK.AWS.Events;
using Constructs;

namespace Choreo.Worker.Infrastructure.Events;

/// <summary>
/// The worker bus's resource policy: the orchestrator account may put events with its source and the
/// work detail-types, nothing else.
/// </summary>
/// <remarks>
/// A real <c>AWS::Events::EventBusPolicy</c>: <c>grantPutEventsTo</c> with an account principal on an imported
/// bus adds nothing to the template, so the cross-account permission would silently be missing.
/// </remarks>
public sealed class OrchestratorBusPolicy : Construct
{
    public const string StatementId = "ChoreoOrchestratorSendsWork";

    public CfnEventBusPolicy Policy { get; }

    public OrchestratorBusPolicy(Construct scope, string id, OrchestratorBusPolicyProps props) : base(scope, id)
    {
        Policy = new CfnEventBusPolicy(this, "Policy", new CfnEventBusPolicyProps
        {
            EventBusName = props.Bus.EventBusName,
            StatementId = StatementId,
            Statement = new Dictionary<string, object>
            {
                ["Sid"] = StatementId,
                ["Effect"] = "Allow",
                ["Principal"] = new Dictionary<string, object>
                {
                    ["AWS"] = $"arn:{Aws.PARTITION}:iam::{props.OrchestratorAccount}:root",
                },
                ["Action"] = "events:PutEvents",
                ["Resource"] = props.Bus.EventBusArn,
                ["Condition"] = new Dictionary<string, object>
                {
                    ["StringEquals"] = new Dictionary<string, object>
                    {
                        ["events:source"] = props.Source,
                        ["events:detail-type"] = props.DetailTypes.ToArray(),
                    },
                },
            },
        });
    }
}
