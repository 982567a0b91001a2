using Choreo.Contracts;
using Choreo.Contracts.Details;
using Choreo.Contracts.Wire;
using Choreo.Worker.Functions.People;
using Choreo.Worker.Functions.Publishing;
using Choreo.Worker.Runtime.Lambda;
using Choreo.Worker.Runtime.Logging;

namespace Choreo.Worker.Functions.Handlers;

/// <summary>
/// <c>getUsers</c>: makes the people to process (the run's <c>people</c> option, else 0-19) and answers
/// <c>done</c> with their names. The run's <c>seed</c> makes the names repeatable.
/// </summary>
public sealed class GetMultiple(WorkerEvents events, JsonLineLogger log) : ITaskHandler<GetUsers>
{
    public async Task HandleAsync(EventEnvelope<GetUsers> input, InvocationContext context, CancellationToken cancellationToken)
    {
        var detail = input.Detail;
        var seed = detail.Options?.Seed ?? StableSeed.For(detail.Execution);
        var names = PeopleFaker.Names(seed, detail.Options?.People);
        log.Info(context.RequestId, $"made {names.Count} names", ("execution", detail.Execution));
        var done = new Done(
            detail.TaskToken, detail.Execution, detail.StateName,
            Names: names,
            Meta: OutgoingMeta.For(input, detail.Execution, DetailTypes.Done, context));
        await events.EmitAsync(DetailTypes.Done, done, ContractsJsonContext.Default.Done, cancellationToken).ConfigureAwait(false);
    }
}
