namespace Choreo.LocalCloud.StepFunctions.Asl.Paths;

/// <summary>A path that is not valid JSONPath (a definition error, reported at CreateStateMachine).</summary>
public sealed class JsonPathSyntaxException(string path, string reason)
    : Exception($"The path '{path}' is not a valid JSONPath: {reason}")
{
    public string Path { get; } = path;
}
