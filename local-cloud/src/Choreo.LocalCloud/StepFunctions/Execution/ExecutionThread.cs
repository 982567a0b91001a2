using Choreo.LocalCloud.Time;

namespace Choreo.LocalCloud.StepFunctions.Execution;

/// <summary>
/// One line of work inside an execution (the main flow, a Parallel branch or a Map iteration): it holds a
/// clock activity while it computes and lets go while it waits, so a virtual clock advances only when
/// every line is waiting.
/// </summary>
public sealed class ExecutionThread : IDisposable
{
    private readonly IActivityTracker? _tracker;
    private IDisposable? _lease;

    public ExecutionThread(IActivityTracker? tracker, long lastEventId)
    {
        _tracker = tracker;
        _lease = tracker?.BeginActivity();
        LastEventId = lastEventId;
    }

    /// <summary>The last event this line wrote: the next event's previousEventId.</summary>
    public long LastEventId { get; set; }

    /// <summary>Starts a child line (its activity begins now, before this line lets go of its own).</summary>
    public ExecutionThread Fork() => new(_tracker, LastEventId);

    /// <summary>Awaits <paramref name="task"/> without holding the clock back.</summary>
    public async Task<T> WaitAsync<T>(Task<T> task)
    {
        if (task.IsCompleted)
        {
            return await task.ConfigureAwait(false);
        }

        Release();
        try
        {
            return await task.ConfigureAwait(false);
        }
        finally
        {
            _lease = _tracker?.BeginActivity();
        }
    }

    public async Task WaitAsync(Task task)
    {
        if (task.IsCompleted)
        {
            await task.ConfigureAwait(false);
            return;
        }

        Release();
        try
        {
            await task.ConfigureAwait(false);
        }
        finally
        {
            _lease = _tracker?.BeginActivity();
        }
    }

    public void Dispose() => Release();

    private void Release()
    {
        _lease?.Dispose();
        _lease = null;
    }
}
