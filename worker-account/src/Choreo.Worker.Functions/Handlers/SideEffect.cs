using Choreo.Contracts;
using Choreo.Contracts.Details;
using Choreo.Contracts.Wire;
using Choreo.Worker.Functions.Profiles;
using Choreo.Worker.Functions.Publishing;
using Choreo.Worker.Runtime.Lambda;
using Choreo.Worker.Runtime.Logging;

namespace Choreo.Worker.Functions.Handlers;

/// <summary>
/// <c>getUserCookies</c> (off the critical path): reads the profile through its presigned URL (no bucket
/// access), logs it and announces <c>async.done</c>, which nothing in the flow waits for. Hosted by
/// <see cref="Hosting.AsyncFunction{TDetail}"/>: a failure here never fails the person's item.
/// </summary>
public sealed class SideEffect(ProfileReader profiles, WorkerEvents events, JsonLineLogger log) : ITaskHandler<GetUserCookies>
{
    public async Task HandleAsync(EventEnvelope<GetUserCookies> input, InvocationContext context, CancellationToken cancellationToken)
    {
        var detail = input.Detail;
        var profile = await profiles.ReadAsync(detail, cancellationToken).ConfigureAwait(false);
        log.Info(
            context.RequestId, $"side effect for item {detail.Index}",
            ("execution", detail.Execution), ("name", profile.Name), ("company", profile.Company), ("city", profile.City));
        var done = new AsyncDone(detail.Execution, detail.Name, detail.Index, OutgoingMeta.For(input, detail.Execution, DetailTypes.AsyncDone, context));
        await events.EmitAsync(DetailTypes.AsyncDone, done, ContractsJsonContext.Default.AsyncDone, cancellationToken).ConfigureAwait(false);
    }
}
