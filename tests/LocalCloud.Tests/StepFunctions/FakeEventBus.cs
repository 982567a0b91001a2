using Choreo.LocalCloud.Accounts;
using Choreo.LocalCloud.Services;

namespace LocalCloud.Tests.StepFunctions;

/// <summary>Records PutEvents calls; optionally fails every entry or reacts to each entry.</summary>
public sealed class FakeEventBus : IEventBusGateway
{
    public List<(AccountContext Caller, PutEventsEntry Entry)> Received { get; } = [];

    public bool FailEntries { get; init; }

    public Func<PutEventsEntry, Task>? OnEntry { get; init; }

    public async Task<PutEventsResult> PutEventsAsync(AccountContext caller, IReadOnlyList<PutEventsEntry> entries, CancellationToken cancellationToken)
    {
        lock (Received)
        {
            Received.AddRange(entries.Select(e => (caller, e)));
        }

        if (FailEntries)
        {
            return new PutEventsResult(entries.Count, entries.Select(_ => new PutEventsResultEntry(null, "InternalFailure", "failed")).ToArray());
        }

        if (OnEntry is not null)
        {
            foreach (var entry in entries)
            {
                await OnEntry(entry);
            }
        }

        return new PutEventsResult(0, entries.Select((_, i) => new PutEventsResultEntry($"event-{i}")).ToArray());
    }
}
