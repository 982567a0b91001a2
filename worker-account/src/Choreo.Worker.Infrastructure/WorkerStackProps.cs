using Amazon.CDK;

namespace Choreo.Worker.Infrastructure;

/// <summary>What the worker account needs to know: its peer orchestrator account and how to build its functions.</summary>
public sealed class WorkerStackProps : StackProps
{
    /// <summary>The orchestrator account that sends work and receives done/failed (12 digits).</summary>
    public required string OrchestratorAccount { get; init; }

    /// <summary>The orchestrator account's region; the worker's region when null.</summary>
    public string? OrchestratorRegion { get; init; }

    /// <summary>The bus of this account that the rules listen on.</summary>
    public string BusName { get; init; } = "default";

    /// <summary>The orchestrator account's bus that the return rule targets.</summary>
    public string OrchestratorBusName { get; init; } = "default";

    /// <summary>Production keeps the bucket on stack deletion; other stages auto-delete it.</summary>
    public bool IsProduction { get; init; }

    /// <summary>Days after which intermediate basic-/final- objects expire.</summary>
    public int IntermediateObjectExpirationDays { get; init; } = 7;
}
