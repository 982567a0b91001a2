using Amazon.CDK;
using Amazon.CDK.AWS.Events;
using Amazon.CDK.AWS.S3;
using Amazon.CDK.AWS.SQS;
using Choreo.Contracts;
using Choreo.Contracts.Accounts;
using Choreo.Worker.Infrastructure.Events;
using Choreo.Worker.Infrastructure.Functions;
using Choreo.Worker.Infrastructure.Storage;
using Constructs;

namespace Choreo.Worker.Infrastructure;

/// <summary>
/// The worker account's workflow: the functions, their rules, the bucket, and the return rule. Its bus and bus
/// policy are in <see cref="WorkerAccessStack"/>; the return rule's target needs the orchestrator access
/// stack's policy, so a stage deploys this stack after both access stacks.
/// </summary>
public sealed class WorkerStack : Stack
{
    public const string BucketNameOutput = "BucketName";
    public const string BusArnOutput = "BusArn";
    public const string ReturnDeadLettersUrlOutput = "ReturnDeadLettersUrl";
    public const string SideEffectDeadLettersUrlOutput = "SideEffectDeadLettersUrl";

    public const string DefaultBusName = "default";

    /// <summary>The bucket the functions work against.</summary>
    public IBucket Bucket { get; }

    /// <summary>This account's bus: the orchestrator's work arrives here and the answers leave from here.</summary>
    public IEventBus Bus { get; }

    /// <summary>Answers that could not be delivered to the orchestrator account.</summary>
    public IQueue ReturnDeadLetters { get; }

    /// <summary>Side effects that failed through all of Lambda's retries (their on-failure records).</summary>
    public IQueue SideEffectDeadLetters { get; }

    /// <summary>The functions by handler name (<c>getMultiple</c>, ..., <c>failureRelay</c>).</summary>
    public IReadOnlyDictionary<string, WorkerFunction> Functions { get; }

    public WorkerStack(Construct scope, string id, WorkerStackProps props) : base(scope, id, props)
    {
        Validate(props);

        // The bus (when custom) and its policy live in WorkerAccessStack, deployed in the first wave.
        Bus = EventBus.FromEventBusName(this, "Bus", props.BusName);

        Bucket = new WorkerBucket(this, "Storage", new WorkerBucketProps(
            props.IsProduction, props.IntermediateObjectExpirationDays)).Bucket;

        var code = BootstrapAsset.Create(this, props.BootstrapDirectory);
        var functions = WorkerFunctions.All.ToDictionary(
            spec => spec.Handler,
            spec => new WorkerFunction(this, spec.Id, new WorkerFunctionProps(
                spec, code, Bus, Bucket, props.OrchestratorAccount,
                Duration.Minutes(props.AsyncEventMaxAgeMinutes),
                props.IsProduction ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY)));
        Functions = functions;

        _ = new FailureRelayRule(this, "FailureRelayRule", new FailureRelayRuleProps(
            Bus,
            functions[WorkerFunctions.FailureRelay.Handler].Function,
            [.. WorkerFunctions.All.Where(spec => spec.CrashFailsTask).Select(spec => functions[spec.Handler].Function)],
            [Sources.Orchestrator, Sources.Worker]));

        SideEffectDeadLetters = new SideEffectDeadLetters(this, "SideEffectDeadLetters", new SideEffectDeadLettersProps
        {
            Bus = Bus,
            SideEffects = [.. WorkerFunctions.All.Where(spec => spec.IsSideEffect).Select(spec => functions[spec.Handler].Function)],
        }).Queue;

        var orchestratorBus = EventBus.FromEventBusArn(this, "OrchestratorBus", Arn.Format(new ArnComponents
        {
            Service = "events",
            Account = props.OrchestratorAccount,
            Region = props.OrchestratorRegion ?? Region,
            Resource = "event-bus",
            ResourceName = props.OrchestratorBusName,
        }, this));
        ReturnDeadLetters = new ReturnToOrchestrator(this, "ReturnToOrchestrator", new ReturnToOrchestratorProps(
            Bus, orchestratorBus, Sources.Worker, DetailTypes.WorkerToOrchestrator)).DeadLetters;

        _ = new CfnOutput(this, BucketNameOutput, new CfnOutputProps { Value = Bucket.BucketName, Description = "The worker bucket" });
        _ = new CfnOutput(this, BusArnOutput, new CfnOutputProps { Value = Bus.EventBusArn, Description = "The worker bus" });
        _ = new CfnOutput(this, SideEffectDeadLettersUrlOutput, new CfnOutputProps
        {
            Value = SideEffectDeadLetters.QueueUrl,
            Description = "Side effects that failed after Lambda's retries",
        });
        _ = new CfnOutput(this, ReturnDeadLettersUrlOutput, new CfnOutputProps
        {
            Value = ReturnDeadLetters.QueueUrl,
            Description = "Answers that could not be delivered to the orchestrator",
        });
    }

    private static void Validate(WorkerStackProps props)
    {
        if (!AwsAccountId.IsValid(props.OrchestratorAccount))
        {
            throw new ArgumentException(
                $"The orchestrator account must be 12 digits; '{props.OrchestratorAccount}' was given.", nameof(props));
        }

        if (props.AsyncEventMaxAgeMinutes is < 1 or > 360)
        {
            throw new ArgumentException(
                $"Lambda keeps async events 1 to 360 minutes; AsyncEventMaxAgeMinutes was {props.AsyncEventMaxAgeMinutes}.", nameof(props));
        }
    }
}
