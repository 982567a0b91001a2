using Choreo.LocalCloud.Services;
using Choreo.LocalCloud.StepFunctions.Integrations;
using Choreo.LocalCloud.StepFunctions.MapRuns;
using Choreo.LocalCloud.Time;

namespace Choreo.LocalCloud.StepFunctions.Execution;

/// <summary>What executions use: the clock, the task token store, the service integrations, randomness for jitter.</summary>
public sealed record ExecutionServices(IClock Clock, TaskTokenStore Tokens, IReadOnlyList<ITaskIntegration> Integrations)
{
    public Random Random { get; init; } = Random.Shared;

    public IActivityTracker? Activity => Clock as IActivityTracker;

    /// <summary>Distributed Map runs, for the Map Run API and redrive.</summary>
    public MapRunRegistry MapRuns { get; init; } = new();

    /// <summary>S3 as the ItemReader and ResultWriter see it (absent: those fail with States.ItemReaderFailed / ResultWriterFailed).</summary>
    public IBucketObjects? Buckets { get; init; }

    /// <summary>Called with every child execution a Map Run starts, so the API can find it.</summary>
    public Action<ExecutionRun>? ExecutionStarted { get; init; }
}
