namespace Choreo.LocalCloud.Time;

/// <summary>Real time: what <c>choreo serve</c> uses.</summary>
public sealed class SystemClock : IClock, IActivityTracker
{
    public DateTimeOffset UtcNow => DateTimeOffset.UtcNow;

    public Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken) =>
        delay <= TimeSpan.Zero ? Task.CompletedTask : Task.Delay(delay, cancellationToken);

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
