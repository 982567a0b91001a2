using Amazon.CDK;

namespace Choreo.Worker.Infrastructure;

/// <summary>Who may send work to the worker account's bus, and which bus that is.</summary>
public sealed class WorkerAccessStackProps : StackProps
{
    /// <summary>The orchestrator account admitted to send work (12 digits).</summary>
    public required string OrchestratorAccount { get; init; }

    /// <summary>The bus to admit it on: <c>default</c>, or the name of a custom bus this stack creates.</summary>
    public string BusName { get; init; } = WorkerStack.DefaultBusName;
}
