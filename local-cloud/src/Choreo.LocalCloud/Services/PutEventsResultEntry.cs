namespace Choreo.LocalCloud.Services;

/// <summary>One PutEvents result entry: an event id, or an error code and message for that entry.</summary>
public sealed record PutEventsResultEntry(string? EventId, string? ErrorCode = null, string? ErrorMessage = null);
