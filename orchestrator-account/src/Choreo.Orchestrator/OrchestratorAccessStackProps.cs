using Amazon.CDK;

namespace Choreo.Orchestrator;

/// <summary>Who may put events on the orchestrator account's bus, and which bus that is.</summary>
public sealed class OrchestratorAccessStackProps : StackProps
{
    /// <summary>The worker account admitted to answer (12 digits).</summary>
    public required string WorkerAccount { get; init; }

    /// <summary>The bus to admit it on: <c>default</c>, or the name of a custom bus this stack creates.</summary>
    public string BusName { get; init; } = "default";
}
