using System.Text.Json.Nodes;

namespace Choreo.LocalCloud.StepFunctions.Asl.States;

/// <summary>What a state hands on: its output, and the next state's name (null when the graph ends here).</summary>
public readonly record struct StateResult(JsonNode? Output, string? Next);
