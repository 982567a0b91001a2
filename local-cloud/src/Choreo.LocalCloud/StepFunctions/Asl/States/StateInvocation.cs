using System.Text.Json.Nodes;
using Choreo.LocalCloud.StepFunctions.Execution;

namespace Choreo.LocalCloud.StepFunctions.Asl.States;

/// <summary>One entry into one state: the running execution, the line of work, the context object, and how to write events.</summary>
public sealed class StateInvocation(ExecutionRun run, ExecutionThread thread, AslState state, long enteredEventId, ContextObject context, CancellationToken cancellation)
{
    public ExecutionRun Run { get; } = run;

    public ExecutionThread Thread { get; } = thread;

    public AslState State { get; } = state;

    public long EnteredEventId { get; } = enteredEventId;

    public ContextObject Context { get; set; } = context;

    public CancellationToken Cancellation { get; } = cancellation;

    public long AddEvent(string type, string? detailsName = null, Func<JsonObject>? details = null) =>
        Run.AddEvent(Thread, type, detailsName, details);

    /// <summary>A runtime error as AWS words it, naming this state and the event that entered it.</summary>
    public StatesFailure Fail(StateError error) =>
        new(error.Error, $"An error occurred while executing the state '{State.Name}' (entered at the event id #{EnteredEventId}). {error.Detail}");
}
