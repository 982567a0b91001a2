using Choreo.LocalCloud.StepFunctions.Execution;

namespace Choreo.LocalCloud.StepFunctions.MapRuns;

/// <summary>
/// One child workflow of a Map Run: its position, how many items it carries (a batch carries several), its
/// input, and its latest execution (a redrive replaces an unsuccessful one). No execution yet means pending.
/// </summary>
public sealed class MapRunChild(int index, int itemCount, string input)
{
    public int Index { get; } = index;

    public int ItemCount { get; } = itemCount;

    public string Input { get; } = input;

    public ExecutionRun? Execution { get; set; }

    public bool Succeeded => Execution?.Status == ExecutionStatus.SUCCEEDED;
}
