namespace Choreo.LocalCloud.Time;

/// <summary>
/// Time for every service: the system clock for <c>serve</c>, a virtual clock in tests so Wait states,
/// timeouts, heartbeats, retries and Lambda timeouts run without real waiting.
/// </summary>
public interface IClock
{
    DateTimeOffset UtcNow { get; }

    /// <summary>Completes when <paramref name="delay"/> has passed on this clock.</summary>
    Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken);
}
