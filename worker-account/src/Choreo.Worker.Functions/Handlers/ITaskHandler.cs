using Choreo.Contracts.Wire;
using Choreo.Worker.Runtime.Lambda;

namespace Choreo.Worker.Functions.Handlers;

/// <summary>
/// A handler for one contract event. It throws on failure (ideally a <see cref="Errors.WorkerFailure"/>);
/// <see cref="Hosting.TaskFunction{TDetail}"/> turns that into a <c>failed</c> event for the task token.
/// </summary>
public interface ITaskHandler<TDetail>
{
    Task HandleAsync(EventEnvelope<TDetail> input, InvocationContext context, CancellationToken cancellationToken);
}
