using System.Collections.Concurrent;
using Choreo.LocalCloud.Accounts;
using Choreo.LocalCloud.Services;

namespace LocalCloud.Tests.Lambda;

/// <summary>An event bus gateway that accepts and records every PutEvents call.</summary>
internal sealed class RecordingEventBus : IEventBusGateway
{
    public ConcurrentQueue<(AccountContext Caller, PutEventsEntry Entry)> Events { get; } = new();

    public Task<PutEventsResult> PutEventsAsync(AccountContext caller, IReadOnlyList<PutEventsEntry> entries, CancellationToken cancellationToken)
    {
        foreach (var entry in entries)
        {
            Events.Enqueue((caller, entry));
        }
        return Task.FromResult(new PutEventsResult(0, [.. entries.Select(_ => new PutEventsResultEntry(Guid.NewGuid().ToString()))]));
    }
}
