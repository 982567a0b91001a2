using Choreo.LocalCloud.Time;

namespace Choreo.LocalCloud.Hosting;

/// <summary>Real time, used when <see cref="LocalCloudOptions.Clock"/> is not set.</summary>
internal sealed class WallClock : IClock
{
    public DateTimeOffset UtcNow => DateTimeOffset.UtcNow;

    public Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken) => Task.Delay(delay, cancellationToken);
}
