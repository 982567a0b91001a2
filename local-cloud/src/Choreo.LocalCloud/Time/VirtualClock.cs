namespace Choreo.LocalCloud.Time;

/// <summary>
/// A clock for tests. Time moves only when nothing is happening: while no activity is open and timers
/// are pending, after <see cref="QuietPeriod"/> of real time without any change, it jumps to the earliest
/// timer and fires it. <see cref="AdvanceAsync"/> moves time explicitly.
/// </summary>
public sealed class VirtualClock : IClock, IActivityTracker
{
    private readonly object _gate = new();
    private readonly PriorityQueue<PendingTimer, (DateTimeOffset Due, long Sequence)> _timers = new();
    private DateTimeOffset _now;
    private long _sequence;
    private long _version;
    private int _activity;
    private bool _autoAdvanceRunning;

    public VirtualClock(DateTimeOffset? start = null, bool autoAdvance = true)
    {
        _now = start ?? new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        AutoAdvance = autoAdvance;
    }

    /// <summary>Whether idle time jumps to the next timer by itself (else only <see cref="AdvanceAsync"/> moves time).</summary>
    public bool AutoAdvance { get; }

    /// <summary>How long (real time) nothing must change before idle time jumps forward.</summary>
    public TimeSpan QuietPeriod { get; init; } = TimeSpan.FromMilliseconds(5);

    public DateTimeOffset UtcNow
    {
        get
        {
            lock (_gate)
            {
                return _now;
            }
        }
    }

    /// <summary>
    /// Whether time is about to jump by itself: timers are pending and the clock is waiting out a quiet
    /// period. False once it has seen an open activity or has no timer left, so a test can wait for this
    /// signal instead of for real time.
    /// </summary>
    public bool IsAdvancing
    {
        get
        {
            lock (_gate)
            {
                return _autoAdvanceRunning;
            }
        }
    }

    /// <summary>Timers registered and not yet fired or cancelled.</summary>
    public int PendingTimers
    {
        get
        {
            lock (_gate)
            {
                return _timers.Count;
            }
        }
    }

    public Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled(cancellationToken);
        }

        if (delay <= TimeSpan.Zero)
        {
            return Task.CompletedTask;
        }

        var timer = new PendingTimer();
        lock (_gate)
        {
            _timers.Enqueue(timer, (_now + delay, _sequence++));
            _version++;
        }

        if (cancellationToken.CanBeCanceled)
        {
            timer.Registration = cancellationToken.Register(() => Cancel(timer, cancellationToken));
        }

        ScheduleAutoAdvance();
        return timer.Completion.Task;
    }

    public IDisposable BeginActivity()
    {
        lock (_gate)
        {
            _activity++;
            _version++;
        }

        return new Activity(this);
    }

    /// <summary>Moves time forward by <paramref name="by"/>, firing every timer due on the way, in order.</summary>
    public async Task AdvanceAsync(TimeSpan by)
    {
        DateTimeOffset target;
        lock (_gate)
        {
            target = _now + by;
        }

        while (true)
        {
            PendingTimer? due = null;
            lock (_gate)
            {
                while (_timers.TryPeek(out var candidate, out var key) && key.Due <= target)
                {
                    _timers.Dequeue();
                    if (candidate.Completion.Task.IsCompleted)
                    {
                        continue;
                    }

                    _now = key.Due > _now ? key.Due : _now;
                    _version++;
                    due = candidate;
                    break;
                }

                if (due is null)
                {
                    _now = target > _now ? target : _now;
                    _version++;
                    return;
                }
            }

            due.Fire();

            // Fire order is the queue order; yielding gives the fired timer's continuation a chance to run first.
            await Task.Yield();
        }
    }

    private void EndActivity()
    {
        lock (_gate)
        {
            _activity--;
            _version++;
        }

        ScheduleAutoAdvance();
    }

    private void Cancel(PendingTimer timer, CancellationToken token)
    {
        timer.Completion.TrySetCanceled(token);
        lock (_gate)
        {
            _version++;
        }
    }

    private void ScheduleAutoAdvance()
    {
        if (!AutoAdvance)
        {
            return;
        }

        lock (_gate)
        {
            if (_autoAdvanceRunning || _timers.Count == 0)
            {
                return;
            }

            _autoAdvanceRunning = true;
        }

        _ = Task.Run(AutoAdvanceLoopAsync);
    }

    private async Task AutoAdvanceLoopAsync()
    {
        while (true)
        {
            long seen;
            lock (_gate)
            {
                seen = _version;
            }

            // The quiet period is real time by design: it is how long the virtual clock waits for real
            // work to show activity before it jumps to the next timer.
#pragma warning disable RS0030
            await Task.Delay(QuietPeriod).ConfigureAwait(false);
#pragma warning restore RS0030

            PendingTimer? due = null;
            lock (_gate)
            {
                DropCompletedTimers();
                if (_timers.Count == 0 || _activity > 0)
                {
                    // Idle again later: the next timer or the end of the last activity restarts the loop.
                    _autoAdvanceRunning = false;
                    return;
                }

                if (_version != seen)
                {
                    continue;
                }

                _timers.TryDequeue(out due, out var key);
                if (key.Due > _now)
                {
                    _now = key.Due;
                }
            }

            FireAt(due!);
        }
    }

    private void FireAt(PendingTimer timer)
    {
        lock (_gate)
        {
            _version++;
        }

        timer.Fire();
    }

    private void DropCompletedTimers()
    {
        while (_timers.TryPeek(out var timer, out _))
        {
            if (!timer.Completion.Task.IsCompleted)
            {
                return;
            }

            _timers.Dequeue();
        }
    }

    private sealed class PendingTimer
    {
        public TaskCompletionSource Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public CancellationTokenRegistration Registration { get; set; }

        public void Fire()
        {
            Registration.Dispose();
            Completion.TrySetResult();
        }
    }

    private sealed class Activity(VirtualClock clock) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                clock.EndActivity();
            }
        }
    }
}
