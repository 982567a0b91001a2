using Amazon.CDK;
using Amazon.CDK.AWS.Events;
using Choreo.Contracts;
using Choreo.Contracts.Accounts;
using Choreo.Orchestrator.Bus;
using Constructs;

namespace Choreo.Orchestrator;

/// <summary>
/// The orchestrator account's first wave: its bus (when it is a custom one) and the bus policy that admits
/// the worker account. EventBridge checks that policy when the worker's return rule targets this bus, so
/// this stack must be deployed before the worker stack (the stage declares that dependency).
/// </summary>
public sealed class OrchestratorAccessStack : Stack
{
    /// <summary>The bus the workflow stack imports by name.</summary>
    public IEventBus Bus { get; }

    /// <summary>The statement that lets the worker account answer on this bus.</summary>
    public CfnEventBusPolicy WorkerAdmission { get; }

    public OrchestratorAccessStack(Construct scope, string id, OrchestratorAccessStackProps props) : base(scope, id, props)
    {
        if (!AwsAccountId.IsValid(props.WorkerAccount))
        {
            throw new ArgumentException($"OrchestratorAccessStack {id}: WorkerAccount '{props.WorkerAccount}' is not a 12-digit AWS account id.", nameof(props));
        }

        var bus = new ChoreoBus(this, "Bus", new ChoreoBusProps { BusName = props.BusName, DefinesBus = true });
        WorkerAdmission = bus.AdmitPeer("AdmitWorkerAccount", new PeerAdmission(props.WorkerAccount, [Sources.Worker], DetailTypes.WorkerToOrchestrator));
        Bus = bus.Bus;
    }
}
