namespace Choreo.Contracts;

/// <summary>The event sources of Choreo. No other project spells these strings.</summary>
public static class Sources
{
    public const string Orchestrator = "choreo.orchestrator";
    public const string Worker = "choreo.worker";
}
