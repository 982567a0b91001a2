using Choreo.LocalCloud.StepFunctions.Asl.Paths;

namespace Choreo.LocalCloud.StepFunctions.Asl.States;

/// <summary>An InputPath, OutputPath or ResultPath value: a path, or JSON null (which discards).</summary>
public sealed record DataPath(JsonPath? Path)
{
    public static readonly DataPath Root = new(JsonPath.Parse("$"));

    public static readonly DataPath Discard = new((JsonPath?)null);

    public bool IsDiscard => Path is null;

    public bool IsRoot => Path is { Segments.Count: 0, IsContext: false };
}
