namespace Choreo.LocalCloud.Services;

/// <summary>The PutEvents response: entries in request order, and how many failed.</summary>
public sealed record PutEventsResult(int FailedEntryCount, IReadOnlyList<PutEventsResultEntry> Entries);
