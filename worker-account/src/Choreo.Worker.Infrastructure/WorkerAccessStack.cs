using Amazon.CDK;
using Amazon.CDK.AWS.Events;
using Choreo.Contracts;
using Choreo.Contracts.Accounts;
using Choreo.Worker.Infrastructure.Events;
using Constructs;

namespace Choreo.Worker.Infrastructure;

/// <summary>
/// The worker account's first wave: its bus (when it is a custom one) and the bus policy that admits the
/// orchestrator account. EventBridge checks that policy when the orchestrator's forward rule targets this
/// bus, so this stack must be deployed before the orchestrator stack (the stage declares that dependency).
/// </summary>
public sealed class WorkerAccessStack : Stack
{
    /// <summary>The bus the worker stack imports by name.</summary>
    public IEventBus Bus { get; }

    /// <summary>The statement that lets the orchestrator account send work to this bus.</summary>
    public OrchestratorBusPolicy OrchestratorAdmission { get; }

    public WorkerAccessStack(Construct scope, string id, WorkerAccessStackProps props) : base(scope, id, props)
    {
        if (!AwsAccountId.IsValid(props.OrchestratorAccount))
        {
            throw new ArgumentException(
                $"The orchestrator account must be 12 digits; '{props.OrchestratorAccount}' was given.", nameof(props));
        }

        Bus = props.BusName == WorkerStack.DefaultBusName
            ? EventBus.FromEventBusName(this, "Bus", props.BusName)
            : new EventBus(this, "Bus", new EventBusProps { EventBusName = props.BusName });
        OrchestratorAdmission = new OrchestratorBusPolicy(this, "OrchestratorBusPolicy", new OrchestratorBusPolicyProps(
            Bus, props.OrchestratorAccount, Sources.Orchestrator, DetailTypes.OrchestratorToWorker));
    }
}
