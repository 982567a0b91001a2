using Choreo.LocalCloud.StepFunctions.Api;
using Choreo.LocalCloud.StepFunctions.Execution;

namespace Choreo.LocalCloud.StepFunctions.MapRuns;

/// <summary>
/// A Distributed Map's run: the children it starts, its concurrency and failure tolerance (UpdateMapRun
/// changes them while it runs), its status and dates, and how often it was redriven.
/// </summary>
public sealed class MapRun
{
    private readonly object _gate = new();
    private readonly List<MapRunChild> _children = [];

    public MapRun(string arn, ExecutionRun parent, string stateName, StateMachineRecord childMachine, DateTimeOffset startDate)
    {
        Arn = arn;
        Parent = parent;
        StateName = stateName;
        ChildMachine = childMachine;
        StartDate = startDate;
    }

    public string Arn { get; }

    public ExecutionRun Parent { get; }

    public string ExecutionArn => Parent.ExecutionArn;

    /// <summary>The Map state that started this run (redrive finds the run again by it).</summary>
    public string StateName { get; }

    /// <summary>The children's state machine: <c>stateMachine:parent/label</c>, the item processor as its graph.</summary>
    public StateMachineRecord ChildMachine { get; }

    public DateTimeOffset StartDate { get; }

    public DateTimeOffset? StopDate { get; private set; }

    public MapRunStatus Status { get; private set; } = MapRunStatus.RUNNING;

    public int MaxConcurrency { get; set; }

    public int ToleratedFailureCount { get; set; }

    public double ToleratedFailurePercentage { get; set; }

    /// <summary>Whether ToleratedFailureCount was set (by the definition or UpdateMapRun).</summary>
    public bool CountSet { get; set; }

    /// <summary>Whether ToleratedFailurePercentage was set (by the definition or UpdateMapRun).</summary>
    public bool PercentageSet { get; set; }

    public int RedriveCount { get; private set; }

    public DateTimeOffset? RedriveDate { get; private set; }

    /// <summary>How many children the ResultWriter has written (reported as resultsWritten).</summary>
    public long ResultsWritten { get; set; }

    /// <summary>How many items those children carried.</summary>
    public long ItemResultsWritten { get; set; }

    /// <summary>Signalled when UpdateMapRun changes a setting, so a waiting run re-reads it.</summary>
    public event Action? SettingsChanged;

    public IReadOnlyList<MapRunChild> Children
    {
        get
        {
            lock (_gate)
            {
                return _children.ToArray();
            }
        }
    }

    /// <summary>0 means AWS's ceiling of 10,000 children at a time.</summary>
    public int EffectiveConcurrency => MaxConcurrency <= 0 ? Asl.Distributed.DistributedMapSettings.ConcurrencyLimit : MaxConcurrency;

    public void AddChildren(IEnumerable<MapRunChild> children)
    {
        lock (_gate)
        {
            _children.AddRange(children);
        }
    }

    public void Update(int? maxConcurrency, int? toleratedFailureCount, double? toleratedFailurePercentage)
    {
        lock (_gate)
        {
            if (maxConcurrency is int m)
            {
                MaxConcurrency = m;
            }

            if (toleratedFailureCount is int c)
            {
                ToleratedFailureCount = c;
                CountSet = true;
            }

            if (toleratedFailurePercentage is double p)
            {
                ToleratedFailurePercentage = p;
                PercentageSet = true;
            }
        }

        SettingsChanged?.Invoke();
    }

    /// <summary>Whether the failed items exceed what this run tolerates (any failure, when no threshold was set).</summary>
    public bool ThresholdExceeded(long failedItems, long totalItems)
    {
        lock (_gate)
        {
            if (failedItems == 0)
            {
                return false;
            }

            // Without any threshold the first failure fails the run; with both, passing either one does.
            return (!CountSet && !PercentageSet) ||
                   (CountSet && failedItems > ToleratedFailureCount) ||
                   (PercentageSet && totalItems > 0 && failedItems * 100.0 / totalItems > ToleratedFailurePercentage);
        }
    }

    public void Close(MapRunStatus status, DateTimeOffset at)
    {
        lock (_gate)
        {
            Status = status;
            StopDate = at;
        }
    }

    public void BeginRedrive(DateTimeOffset at)
    {
        lock (_gate)
        {
            RedriveCount++;
            RedriveDate = at;
            Status = MapRunStatus.RUNNING;
            StopDate = null;
        }
    }

    /// <summary>The counts DescribeMapRun reports: by children (executions) and by the items they carry.</summary>
    public (MapRunCounts Items, MapRunCounts Executions) Count()
    {
        var items = new MapRunCounts();
        var executions = new MapRunCounts();
        foreach (var child in Children)
        {
            var status = child.Execution?.Status;
            void Add(MapRunCounts counts, long n)
            {
                switch (status)
                {
                    case null: counts.Pending += n; break;
                    case ExecutionStatus.RUNNING: counts.Running += n; break;
                    case ExecutionStatus.SUCCEEDED: counts.Succeeded += n; break;
                    case ExecutionStatus.FAILED: counts.Failed += n; break;
                    case ExecutionStatus.TIMED_OUT: counts.TimedOut += n; break;
                    case ExecutionStatus.ABORTED: counts.Aborted += n; break;
                }
            }

            Add(items, child.ItemCount);
            Add(executions, 1);
        }

        executions.ResultsWritten = ResultsWritten;
        items.ResultsWritten = ItemResultsWritten;
        return (items, executions);
    }
}
