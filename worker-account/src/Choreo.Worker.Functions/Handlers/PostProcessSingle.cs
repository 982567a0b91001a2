using System.Text.Json;
using Choreo.Contracts;
using Choreo.Contracts.Details;
using Choreo.Contracts.Wire;
using Choreo.Worker.Functions.People;
using Choreo.Worker.Functions.Profiles;
using Choreo.Worker.Functions.Publishing;
using Choreo.Worker.Functions.Storage;
using Choreo.Worker.Runtime.Lambda;
using Choreo.Worker.Runtime.Logging;

namespace Choreo.Worker.Functions.Handlers;

/// <summary>
/// <c>getUserCookies</c> (critical path): reads the profile through its presigned URL, adds
/// <c>numberOfCookiesConsumed</c> (0-9), writes <c>final-{index}.json</c> and answers <c>done</c>.
/// </summary>
public sealed class PostProcessSingle(ProfileReader profiles, IObjectStore store, WorkerEvents events, JsonLineLogger log) : ITaskHandler<GetUserCookies>
{
    public async Task HandleAsync(EventEnvelope<GetUserCookies> input, InvocationContext context, CancellationToken cancellationToken)
    {
        var detail = input.Detail;
        var profile = await profiles.ReadAsync(detail, cancellationToken).ConfigureAwait(false);
        var final = profile with { NumberOfCookiesConsumed = PeopleFaker.CookiesFor(StableSeed.For(detail.Execution, detail.Index, "cookies")) };
        var key = ObjectKeys.Final(detail.Execution, detail.Index);
        await store.PutJsonAsync(key, JsonSerializer.Serialize(final, PeopleJsonContext.Default.Profile), cancellationToken).ConfigureAwait(false);
        log.Info(context.RequestId, $"item {detail.Index} ate {final.NumberOfCookiesConsumed} cookies", ("execution", detail.Execution), ("key", key));
        var done = new Done(
            detail.TaskToken, detail.Execution, detail.StateName,
            Index: detail.Index,
            Processed: detail.Name,
            Meta: OutgoingMeta.For(input, detail.Execution, DetailTypes.Done, context));
        await events.EmitAsync(DetailTypes.Done, done, ContractsJsonContext.Default.Done, cancellationToken).ConfigureAwait(false);
    }
}
