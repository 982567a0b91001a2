using Choreo.LocalCloud.StepFunctions.Execution;

namespace Choreo.LocalCloud.Observability;

/// <summary>Where an execution is: its status, the state it last entered, and how many Map items have finished.</summary>
public sealed record ExecutionProgress(string Status, string? CurrentState, int MapItemsDone, int? MapItemsTotal)
{
    public static ExecutionProgress Of(ExecutionRun execution)
    {
        string? current = null;
        int? total = null;
        var done = 0;
        foreach (var e in execution.History.Snapshot())
        {
            if (e.Type.EndsWith("StateEntered", StringComparison.Ordinal) && e.Details?["name"] is { } name)
            {
                current = name.ToString();
            }
            else if (e.Type == "MapStateStarted" && e.Details?["length"] is { } length)
            {
                total = (total ?? 0) + length.GetValue<int>();
            }
            else if (e.Type is "MapIterationSucceeded" or "MapIterationFailed" or "MapIterationAborted")
            {
                done++;
            }
        }
        return new ExecutionProgress(execution.Status.ToString(), current, done, total);
    }
}
