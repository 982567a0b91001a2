namespace Choreo.LocalCloud.Composition;

/// <summary>How deployed functions run: as the real bootstrap process (what AWS runs) or as handler classes in this process.</summary>
public enum LambdaExecutionMode
{
    Process,
    InProcess,
}
