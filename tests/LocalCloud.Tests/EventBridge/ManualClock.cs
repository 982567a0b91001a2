using Choreo.LocalCloud.Time;

namespace LocalCloud.Tests.EventBridge;

/// <summary>A virtual clock for tests: a delay moves time forward at once, so retries with backoff take no real time.</summary>
public sealed class ManualClock(DateTimeOffset start) : IClock
{
    private readonly Lock _gate = new();
    private DateTimeOffset _now = start;

    public DateTimeOffset UtcNow
    {
        get { lock (_gate) { return _now; } }
    }

    public Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            _now += delay;
        }
        return Task.CompletedTask;
    }
}
