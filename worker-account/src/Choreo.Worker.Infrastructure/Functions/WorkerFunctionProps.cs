using Amazon.CDK;
using Amazon.CDK.AWS.Events;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.S3;

namespace Choreo.Worker.Infrastructure.Functions;

/// <summary>What a <see cref="WorkerFunction"/> is built from.</summary>
/// <param name="Spec">Its row of <see cref="WorkerFunctions"/>.</param>
/// <param name="Code">The shared bootstrap asset.</param>
/// <param name="Bus">This account's bus: its trigger rule lives there, it puts events there, its failures go there.</param>
/// <param name="Bucket">The worker bucket.</param>
/// <param name="OrchestratorAccount">The only account whose orchestrator events start it.</param>
/// <param name="MaxEventAge">How long Lambda keeps retrying an asynchronous event.</param>
/// <param name="LogRemoval">What happens to its log group when the stack goes.</param>
public sealed record WorkerFunctionProps(
    WorkerFunctionSpec Spec,
    Code Code,
    IEventBus Bus,
    IBucket Bucket,
    string OrchestratorAccount,
    Duration MaxEventAge,
    RemovalPolicy LogRemoval);
