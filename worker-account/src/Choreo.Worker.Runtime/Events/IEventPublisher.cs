namespace Choreo.Worker.Runtime.Events;

/// <summary>
/// Puts events on an EventBridge bus. All events are accepted or the call throws
/// (<see cref="PutEventsFailedException"/>): a handler never believes an event left when it did not.
/// </summary>
public interface IEventPublisher
{
    Task PublishAsync(IReadOnlyList<OutgoingEvent> events, CancellationToken cancellationToken);
}
