namespace Choreo.LocalCloud.Services;

/// <summary>One PutEvents request entry, as the API takes it.</summary>
public sealed record PutEventsEntry(
    string? Source,
    string? DetailType,
    string? Detail,
    string? EventBusName,
    IReadOnlyList<string>? Resources = null,
    DateTimeOffset? Time = null);
