namespace Choreo.LocalCloud.StepFunctions.Asl.States;

/// <summary>One Catch entry: the errors it handles, where to go, and where the error output goes.</summary>
public sealed record Catcher(IReadOnlyList<string> ErrorEquals, string Next, DataPath ResultPath);
