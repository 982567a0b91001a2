namespace Orchestrator.Tests.Synthesis;

/// <summary>All template tests share one synthesis: the CDK (through Node) is the slow part.</summary>
[CollectionDefinition(Name)]
public sealed class SynthesizedOrchestratorCollection : ICollectionFixture<SynthesizedOrchestrator>
{
    public const string Name = "synthesized orchestrator";
}
