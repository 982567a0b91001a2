using System.Text.Json.Nodes;

namespace Choreo.LocalCloud.StepFunctions.MapRuns;

/// <summary>DescribeMapRun's itemCounts or executionCounts: children (or their items) by status.</summary>
public sealed class MapRunCounts
{
    public long Pending { get; set; }

    public long Running { get; set; }

    public long Succeeded { get; set; }

    public long Failed { get; set; }

    public long TimedOut { get; set; }

    public long Aborted { get; set; }

    public long ResultsWritten { get; set; }

    public long FailuresNotRedrivable { get; set; }

    public long PendingRedrive { get; set; }

    public long Total => Pending + Running + Succeeded + Failed + TimedOut + Aborted;

    public JsonObject ToJson() => new()
    {
        ["aborted"] = Aborted,
        ["failed"] = Failed,
        ["pending"] = Pending,
        ["resultsWritten"] = ResultsWritten,
        ["running"] = Running,
        ["succeeded"] = Succeeded,
        ["timedOut"] = TimedOut,
        ["total"] = Total,
        ["failuresNotRedrivable"] = FailuresNotRedrivable,
        ["pendingRedrive"] = PendingRedrive,
    };
}
