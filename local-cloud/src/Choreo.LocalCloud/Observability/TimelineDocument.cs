namespace Choreo.LocalCloud.Observability;

/// <summary>One execution's timeline as <c>GET /_choreo/timeline?execution=ARN</c> returns it.</summary>
public sealed record TimelineDocument(string Execution, string Status, IReadOnlyList<TimelineEntry> Entries);
