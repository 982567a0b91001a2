namespace Choreo.LocalCloud.StepFunctions.Execution;

/// <summary>A failure raised while running a state: an error name (e.g. <c>States.Runtime</c>) and a cause.</summary>
public sealed class StatesFailure(string error, string? cause) : Exception(cause ?? error)
{
    public string Error { get; } = error;

    public string? Cause { get; } = cause;
}
