namespace Choreo.Worker.Runtime.Events;

/// <summary>One event to put on a bus; <see cref="Detail"/> is already-serialized JSON.</summary>
public sealed record OutgoingEvent(string EventBusName, string Source, string DetailType, string Detail);
