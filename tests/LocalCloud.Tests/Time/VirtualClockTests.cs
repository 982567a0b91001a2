using Choreo.LocalCloud.Time;

namespace LocalCloud.Tests.Time;

public sealed class VirtualClockTests
{
    [Fact]
    public async Task An_idle_clock_jumps_to_the_next_timer_without_real_waiting()
    {
        var clock = new VirtualClock();
        var start = clock.UtcNow;
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await clock.DelayAsync(TimeSpan.FromHours(3), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(start.AddHours(3), clock.UtcNow);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task No_timer_fires_while_an_activity_is_open()
    {
        var clock = new VirtualClock();
        var activity = clock.BeginActivity();
        var delay = clock.DelayAsync(TimeSpan.FromSeconds(10), CancellationToken.None);
        await Eventually.TrueAsync(() => !clock.IsAdvancing, "the clock to see the open activity and stand still");
        Assert.False(delay.IsCompleted);
        activity.Dispose();
        await delay.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Advance_fires_due_timers_in_order_and_leaves_later_ones()
    {
        var clock = new VirtualClock(autoAdvance: false);
        var fired = new List<int>();
        // Continuations queue in the order the timers fire; the exclusive scheduler runs them one at a time
        // in that order, so the list shows the firing order and not which pool thread happened to win.
        var inFiringOrder = new ConcurrentExclusiveSchedulerPair(TaskScheduler.Default, maxConcurrencyLevel: 1).ExclusiveScheduler;
        var first = clock.DelayAsync(TimeSpan.FromSeconds(2), CancellationToken.None).ContinueWith(_ => fired.Add(2), CancellationToken.None, TaskContinuationOptions.None, inFiringOrder);
        var second = clock.DelayAsync(TimeSpan.FromSeconds(1), CancellationToken.None).ContinueWith(_ => fired.Add(1), CancellationToken.None, TaskContinuationOptions.None, inFiringOrder);
        var later = clock.DelayAsync(TimeSpan.FromSeconds(30), CancellationToken.None);
        await clock.AdvanceAsync(TimeSpan.FromSeconds(5));
        await Task.WhenAll(first, second).WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal([1, 2], fired);
        Assert.False(later.IsCompleted);
        Assert.Equal(1, clock.PendingTimers);
    }

    [Fact]
    public async Task A_cancelled_delay_never_fires()
    {
        var clock = new VirtualClock(autoAdvance: false);
        using var cts = new CancellationTokenSource();
        var delay = clock.DelayAsync(TimeSpan.FromSeconds(1), cts.Token);
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => delay);
    }
}
