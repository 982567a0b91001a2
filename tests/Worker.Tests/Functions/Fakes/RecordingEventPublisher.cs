using Choreo.Worker.Runtime.Events;

namespace Worker.Tests.Functions.Fakes;

/// <summary>Records what a handler puts on the bus; <see cref="FailNext"/> makes the next put fail like EventBridge.</summary>
public sealed class RecordingEventPublisher : IEventPublisher
{
    public List<OutgoingEvent> Events { get; } = [];

    public int FailNext { get; set; }

    public Task PublishAsync(IReadOnlyList<OutgoingEvent> events, CancellationToken cancellationToken)
    {
        if (FailNext > 0)
        {
            FailNext--;
            throw new PutEventsFailedException("InternalFailure", "simulated");
        }
        Events.AddRange(events);
        return Task.CompletedTask;
    }
}
