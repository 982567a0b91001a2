namespace Choreo.LocalCloud.StepFunctions.Asl.States;

/// <summary>A set of states and where to start: the machine itself, a Parallel branch or a Map's item processor.</summary>
public sealed record StateGraph(string StartAt, IReadOnlyDictionary<string, AslState> States, int? TimeoutSeconds = null, string? Comment = null);
