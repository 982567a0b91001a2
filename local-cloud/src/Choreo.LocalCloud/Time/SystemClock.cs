// This is the real-time clock the rest of local-cloud reads time through, so it alone may read the
// system time and start real timers (BannedSymbols.txt bans them everywhere else).
#pragma warning disable RS0030

namespace Choreo.LocalCloud.Time;

/// <summary>Real time: what <c>choreo serve</c> uses.</summary>
public sealed class SystemClock : IClock, IActivityTracker
{
    public DateTimeOffset UtcNow => DateTimeOffset.UtcNow;

    /// <summary>Longest single timer Task.Delay accepts is about 49 days; AWS's default task timeout is ~3 years.</summary>
    private static readonly TimeSpan MaxTimer = TimeSpan.FromDays(24);

    public Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken) =>
        delay <= TimeSpan.Zero ? Task.CompletedTask
        : delay <= MaxTimer ? Task.Delay(delay, cancellationToken)
        : LongDelayAsync(delay, cancellationToken);

    private static async Task LongDelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        var until = DateTimeOffset.UtcNow + delay;
        for (var left = delay; left > TimeSpan.Zero; left = until - DateTimeOffset.UtcNow)
        {
            await Task.Delay(left < MaxTimer ? left : MaxTimer, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Real time passes on its own, so activity needs no tracking.</summary>
    public IDisposable BeginActivity() => NoActivity.Instance;

    private sealed class NoActivity : IDisposable
    {
        public static readonly NoActivity Instance = new();

        public void Dispose()
        {
        }
    }
}
