using System.Text.Json;
using Choreo.Contracts;
using Choreo.Contracts.Details;
using Choreo.Contracts.Wire;
using Choreo.Worker.Functions.People;
using Choreo.Worker.Functions.Publishing;
using Choreo.Worker.Functions.Storage;
using Choreo.Worker.Runtime.Lambda;
using Choreo.Worker.Runtime.Logging;

namespace Choreo.Worker.Functions.Handlers;

/// <summary>
/// <c>getUserProfile</c>: looks a person up (Bogus stands in for the legacy database), writes
/// <c>basic-{index}.json</c> and passes a 15-minute presigned URL on in <c>getUserCookies</c>, so the profile
/// itself never travels through events or state.
/// </summary>
public sealed class ProcessSingle(IObjectStore store, WorkerEvents events, JsonLineLogger log) : ITaskHandler<GetUserProfile>
{
    public static readonly TimeSpan ProfileUrlLifetime = TimeSpan.FromMinutes(15);

    public async Task HandleAsync(EventEnvelope<GetUserProfile> input, InvocationContext context, CancellationToken cancellationToken)
    {
        var detail = input.Detail;
        var profile = PeopleFaker.ProfileOf(detail.Name, StableSeed.For(detail.Execution, detail.Index));
        var key = ObjectKeys.Basic(detail.Execution, detail.Index);
        await store.PutJsonAsync(key, JsonSerializer.Serialize(profile, PeopleJsonContext.Default.Profile), cancellationToken).ConfigureAwait(false);
        var url = await store.PresignGetAsync(key, ProfileUrlLifetime, cancellationToken).ConfigureAwait(false);
        log.Info(context.RequestId, $"wrote profile of item {detail.Index}", ("execution", detail.Execution), ("key", key));
        var next = new GetUserCookies(
            detail.TaskToken, detail.Execution, detail.StateName, detail.Name, detail.Index, url.OriginalString,
            OutgoingMeta.For(input, detail.Execution, DetailTypes.GetUserCookies, context));
        await events.EmitAsync(DetailTypes.GetUserCookies, next, ContractsJsonContext.Default.GetUserCookies, cancellationToken).ConfigureAwait(false);
    }
}
