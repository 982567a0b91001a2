using Amazon.CDK.AWS.Events;

namespace Choreo.Worker.Infrastructure.Events;

/// <summary>What the return rule forwards, and where.</summary>
/// <param name="Bus">The worker account's bus the rule listens on.</param>
/// <param name="OrchestratorBus">The orchestrator account's bus; the rule's role may put events on this ARN only.</param>
/// <param name="Source">The source of the answers (the worker's).</param>
/// <param name="DetailTypes">The answers forwarded.</param>
public sealed record ReturnToOrchestratorProps(
    IEventBus Bus, IEventBus OrchestratorBus, string Source, IReadOnlyList<string> DetailTypes);
