namespace Choreo.LocalCloud.StepFunctions.Execution;

/// <summary>
/// A runtime error inside a state, before the state's name is known to the thrower: the runner prefixes the
/// cause with AWS's "An error occurred while executing the state '…' (entered at the event id #…)." text.
/// </summary>
public sealed class StateError(string error, string detail) : Exception(detail)
{
    public string Error { get; } = error;

    public string Detail { get; } = detail;

    public static StateError Runtime(string detail) => new(StatesErrorNames.Runtime, detail);
}
