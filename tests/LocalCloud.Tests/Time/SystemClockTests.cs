using Choreo.LocalCloud.Time;

namespace LocalCloud.Tests.Time;

public sealed class SystemClockTests
{
    [Fact]
    public async Task A_delay_longer_than_a_timer_allows_is_accepted_and_cancellable()
    {
        using var cts = new CancellationTokenSource();
        var delay = new SystemClock().DelayAsync(TimeSpan.FromSeconds(99_999_999), cts.Token);
        Assert.False(delay.IsCompleted);
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => delay);
    }
}
