using Amazon.CDK;
using Amazon.CDK.AWS.Events;
using Amazon.CDK.AWS.Events.Targets;
using Amazon.CDK.AWS.SQS;
using Amazon.CDK.AWS.StepFunctions;
using Choreo.Contracts;
using Choreo.Contracts.Accounts;
using Choreo.Orchestrator.Bus;
using Choreo.Orchestrator.Finisher;
using Choreo.Orchestrator.Forwarding;
using Choreo.Orchestrator.Workflow;
using Constructs;

namespace Choreo.Orchestrator;

/// <summary>
/// The orchestrator account's workflow: both state machines and the rules to and from the worker account.
/// Its bus and bus policy are in <see cref="OrchestratorAccessStack"/>; the forward rule's target needs the
/// worker access stack's policy, so a stage deploys this stack after both access stacks.
/// </summary>
public sealed class OrchestratorStack : Stack
{
    /// <summary>The account's bus (the default bus unless <see cref="OrchestratorStackProps.BusName"/> says otherwise).</summary>
    public IEventBus Bus { get; }

    /// <summary>The Standard machine that drives a run (the article's EventDrivenMachine).</summary>
    public IStateMachine MainStateMachine { get; }

    /// <summary>The Express machine that answers the main machine's task tokens.</summary>
    public IStateMachine TaskFinisher { get; }

    /// <summary>Requests that could not be forwarded to the worker account.</summary>
    public IQueue ForwardDeadLetters { get; }

    public OrchestratorStack(Construct scope, string id, OrchestratorStackProps props) : base(scope, id, props)
    {
        if (!AwsAccountId.IsValid(props.WorkerAccount))
        {
            throw new ArgumentException($"OrchestratorStack {id}: WorkerAccount '{props.WorkerAccount}' is not a 12-digit AWS account id.", nameof(props));
        }

        ValidateRetryPolicy(id, props);

        // The bus and its policy live in the access stack (OrchestratorAccessStack), deployed first.
        var bus = new ChoreoBus(this, "Bus", new ChoreoBusProps { BusName = props.BusName });

        var main = new EventDrivenMachine(this, "EventDrivenMachine", new EventDrivenMachineProps(
            bus.Bus,
            props.MapMaxConcurrency,
            props.GetUsersTimeout,
            props.PerPersonTimeout,
            props.ReportTimeout,
            props.LogLevel,
            props.ReportHeartbeat));

        var finisher = new TaskFinisher(this, "TaskFinisher", new TaskFinisherProps(main.StateMachine, props.LogLevel));

        bus.AddRule(
            "StartRule",
            $"Starts the main state machine on '{DetailTypes.Start}'; the event's detail is the execution input.",
            new EventPattern { DetailType = [DetailTypes.Start] },
            new SfnStateMachine(main.StateMachine, new SfnStateMachineProps
            {
                Input = RuleTargetInput.FromEventPath("$.detail"),
                RetryAttempts = props.ForwardRetryAttempts,
                MaxEventAge = props.ForwardMaxEventAge,
            }));

        bus.AddRule(
            "FinisherRule",
            $"Answers the main state machine's task tokens on '{DetailTypes.Done}' and '{DetailTypes.Failed}' from {Sources.Worker}.",
            new EventPattern { Source = [Sources.Worker], DetailType = DetailTypes.TaskCallbacks.ToArray() },
            new SfnStateMachine(finisher.StateMachine, new SfnStateMachineProps
            {
                RetryAttempts = props.ForwardRetryAttempts,
                MaxEventAge = props.ForwardMaxEventAge,
            }));

        var forward = new ForwardToPeerBus(this, "ForwardToWorker", new ForwardToPeerBusProps
        {
            Bus = bus,
            PeerAccount = props.WorkerAccount,
            PeerRegion = props.WorkerRegion ?? Region,
            PeerBusName = props.WorkerBusName,
            Source = Sources.Orchestrator,
            DetailTypes = DetailTypes.OrchestratorToWorker,
        });

        Bus = bus.Bus;
        MainStateMachine = main.StateMachine;
        TaskFinisher = finisher.StateMachine;
        ForwardDeadLetters = forward.DeadLetters;

        _ = new CfnOutput(this, "MainStateMachineArn", new CfnOutputProps { Value = main.StateMachine.StateMachineArn, Description = "The main (Standard) state machine." });
        _ = new CfnOutput(this, "TaskFinisherArn", new CfnOutputProps { Value = finisher.StateMachine.StateMachineArn, Description = "The task finisher (Express) state machine." });
        _ = new CfnOutput(this, "BusArn", new CfnOutputProps { Value = bus.EventBusArn, Description = "The bus the workflow uses." });
        _ = new CfnOutput(this, "ForwardDeadLetterQueueUrl", new CfnOutputProps { Value = forward.DeadLetters.QueueUrl, Description = "Requests that could not be forwarded to the worker account." });
    }

    private static void ValidateRetryPolicy(string id, OrchestratorStackProps props)
    {
        const int maxRetryAttempts = 185;
        const int minEventAgeSeconds = 60;
        const int maxEventAgeSeconds = 86_400;
        var maxEventAge = props.ForwardMaxEventAge.ToSeconds();
        if (props.ForwardRetryAttempts is < 0 or > maxRetryAttempts)
        {
            throw new ArgumentException($"OrchestratorStack {id}: RetryAttempts is {props.ForwardRetryAttempts}; EventBridge accepts 0 to {maxRetryAttempts}.", nameof(props));
        }
        if (maxEventAge is < minEventAgeSeconds or > maxEventAgeSeconds)
        {
            throw new ArgumentException($"OrchestratorStack {id}: MaxEventAge is {maxEventAge} s; EventBridge accepts {minEventAgeSeconds} to {maxEventAgeSeconds} s.", nameof(props));
        }
    }
}
