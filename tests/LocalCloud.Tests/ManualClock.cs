using Choreo.LocalCloud.Time;

namespace LocalCloud.Tests;

/// <summary>
/// A clock tests move by hand (<see cref="Advance"/>), so expiry is tested without waiting; a delay moves
/// time forward at once, so retries with backoff take no real time.
/// </summary>
public sealed class ManualClock(DateTimeOffset start) : IClock
{
    private readonly Lock _gate = new();
    private DateTimeOffset _now = start;

    public DateTimeOffset UtcNow
    {
        get { lock (_gate) { return _now; } }
    }

    public void Advance(TimeSpan by)
    {
        lock (_gate)
        {
            _now += by;
        }
    }

    public Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Advance(delay);
        return Task.CompletedTask;
    }
}
