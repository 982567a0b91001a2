using System.Text.Json.Nodes;

namespace Choreo.LocalCloud.StepFunctions.Execution;

/// <summary>
/// An execution's event list. Standard executions fail at AWS's 25,000-event limit; Express executions have
/// no limit on AWS, so past the limit their events are numbered but no longer kept.
/// </summary>
public sealed class ExecutionHistory(bool enforceLimit)
{
    public const int MaxEvents = 25_000;

    private readonly object _gate = new();
    private readonly List<HistoryEvent> _events = [];
    private long _lastId;
    private bool _sealed;

    public bool EnforcesLimit { get; } = enforceLimit;

    /// <summary>Whether event details are still worth building (false once an Express history stops recording).</summary>
    public bool IsRecording
    {
        get
        {
            lock (_gate)
            {
                return EnforcesLimit || _events.Count < MaxEvents;
            }
        }
    }

    public long Count
    {
        get
        {
            lock (_gate)
            {
                return _lastId;
            }
        }
    }

    /// <summary>Appends an event; throws <see cref="HistoryLimitExceeded"/> when a Standard history is full.</summary>
    public long Append(DateTimeOffset timestamp, string type, long previousEventId, string? detailsName, JsonObject? details, bool terminal = false)
    {
        lock (_gate)
        {
            if (EnforcesLimit && !terminal && _lastId >= MaxEvents - 1)
            {
                throw new HistoryLimitExceeded();
            }

            if (_sealed)
            {
                // Branches still unwinding after the execution closed write nothing more.
                return _lastId;
            }

            var id = ++_lastId;
            if (EnforcesLimit || _events.Count < MaxEvents)
            {
                _events.Add(new HistoryEvent(id, previousEventId, timestamp, type, detailsName, details));
            }

            return id;
        }
    }

    /// <summary>Ends the history: the closing event has been written.</summary>
    public void Seal()
    {
        lock (_gate)
        {
            _sealed = true;
        }
    }

    /// <summary>Opens an ended history again: a redrive appends to it.</summary>
    public void Reopen()
    {
        lock (_gate)
        {
            _sealed = false;
        }
    }

    public IReadOnlyList<HistoryEvent> Snapshot()
    {
        lock (_gate)
        {
            return _events.ToArray();
        }
    }

    /// <summary>Raised when a Standard execution would write more than 25,000 events.</summary>
    public sealed class HistoryLimitExceeded() : Exception("The execution reached the maximum number of history events (25000).");
}
