using System.Collections.Concurrent;

namespace Choreo.LocalCloud.StepFunctions.MapRuns;

/// <summary>Every Map Run, by ARN; ListMapRuns reads them by parent execution, redrive by execution and state.</summary>
public sealed class MapRunRegistry
{
    private readonly ConcurrentDictionary<string, MapRun> _runs = new(StringComparer.Ordinal);

    public void Add(MapRun run) => _runs[run.Arn] = run;

    public MapRun? Find(string arn) => _runs.TryGetValue(arn, out var run) ? run : null;

    public IReadOnlyList<MapRun> Of(string executionArn) =>
        _runs.Values.Where(r => r.ExecutionArn == executionArn).OrderBy(r => r.StartDate).ThenBy(r => r.Arn, StringComparer.Ordinal).ToList();

    /// <summary>The latest run a Map state started in an execution (a redrive resumes it).</summary>
    public MapRun? Latest(string executionArn, string stateName) =>
        _runs.Values.Where(r => r.ExecutionArn == executionArn && r.StateName == stateName).MaxBy(r => r.StartDate);
}
