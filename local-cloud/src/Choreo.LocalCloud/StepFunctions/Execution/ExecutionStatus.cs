namespace Choreo.LocalCloud.StepFunctions.Execution;

/// <summary>An execution's status, spelled as the API returns it.</summary>
public enum ExecutionStatus
{
    RUNNING,
    SUCCEEDED,
    FAILED,
    TIMED_OUT,
    ABORTED,
}
