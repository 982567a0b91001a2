namespace Choreo.LocalCloud.StepFunctions.MapRuns;

/// <summary>A Map Run's status, spelled as DescribeMapRun returns it.</summary>
public enum MapRunStatus
{
    RUNNING,
    SUCCEEDED,
    FAILED,
    ABORTED,
}
