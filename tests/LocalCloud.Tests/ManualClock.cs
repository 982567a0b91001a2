using Choreo.LocalCloud.Time;

namespace LocalCloud.Tests;

/// <summary>A clock tests move by hand, so expiry is tested without waiting.</summary>
internal sealed class ManualClock(DateTimeOffset start) : IClock
{
    public DateTimeOffset UtcNow { get; private set; } = start;

    public void Advance(TimeSpan by) => UtcNow += by;

    public Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        UtcNow += delay;
        return Task.CompletedTask;
    }
}
