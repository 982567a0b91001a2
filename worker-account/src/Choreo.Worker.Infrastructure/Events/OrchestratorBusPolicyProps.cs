using Amazon.CDK.AWS.Events;

namespace Choreo.Worker.Infrastructure.Events;

/// <summary>Who may put which events on the worker bus.</summary>
/// <param name="Bus">The worker account's bus.</param>
/// <param name="OrchestratorAccount">The only account admitted.</param>
/// <param name="Source">The only source it may send.</param>
/// <param name="DetailTypes">The only detail-types it may send.</param>
public sealed record OrchestratorBusPolicyProps(
    IEventBus Bus, string OrchestratorAccount, string Source, IReadOnlyList<string> DetailTypes);
