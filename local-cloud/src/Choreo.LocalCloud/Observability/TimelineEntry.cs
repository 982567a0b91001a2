namespace Choreo.LocalCloud.Observability;

/// <summary>One thing that happened to an execution, in whichever account and service it happened.</summary>
public sealed record TimelineEntry(DateTimeOffset Time, string Account, string Service, string What, string Detail, long Sequence = 0);
