using Choreo.LocalCloud.StepFunctions.Integrations;
using Choreo.LocalCloud.Time;

namespace Choreo.LocalCloud.StepFunctions.Execution;

/// <summary>What executions use: the clock, the task token store, the service integrations, randomness for jitter.</summary>
public sealed record ExecutionServices(IClock Clock, TaskTokenStore Tokens, IReadOnlyList<ITaskIntegration> Integrations)
{
    public Random Random { get; init; } = Random.Shared;

    public IActivityTracker? Activity => Clock as IActivityTracker;
}
