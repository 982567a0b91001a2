namespace Choreo.Worker.Infrastructure.Functions;

/// <summary>The events a function's rule matches: one source and one detail-type from the contracts.</summary>
public sealed record EventTrigger(string Source, string DetailType);
