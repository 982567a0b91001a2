using System.Globalization;
using Choreo.LocalCloud.Observability;

namespace Choreo.Cli.Run;

/// <summary>Renders a timeline as aligned text lines, times relative to the first entry.</summary>
public static class TimelineWriter
{
    public static IEnumerable<string> Lines(IReadOnlyList<TimelineEntry> timeline)
    {
        if (timeline.Count == 0)
        {
            yield break;
        }
        var origin = timeline[0].Time;
        foreach (var entry in timeline)
        {
            var offset = (entry.Time - origin).TotalSeconds.ToString("+0.000s", CultureInfo.InvariantCulture);
            yield return $"{offset,10}  {entry.Account,-12}  {entry.Service,-6}  {entry.What,-28}  {entry.Detail}";
        }
    }
}
