using System.Text.Json.Nodes;

namespace Choreo.LocalCloud.StepFunctions.Execution;

/// <summary>One history event as GetExecutionHistory returns it; <see cref="DetailsName"/> is e.g. <c>stateEnteredEventDetails</c>.</summary>
public sealed record HistoryEvent(long Id, long PreviousEventId, DateTimeOffset Timestamp, string Type, string? DetailsName, JsonObject? Details);
