using Amazon.CDK;

namespace Choreo.Worker.Infrastructure;

/// <summary>What the worker account needs to know: its peer orchestrator account and how to build its functions.</summary>
public sealed class WorkerStackProps : StackProps
{
    /// <summary>The context key that points at a folder holding a prebuilt <c>bootstrap</c>, so local runs reuse a build.</summary>
    public const string BootstrapDirectoryContextKey = "choreo:bootstrapDir";

    /// <summary>The orchestrator account that sends work and receives done/failed (12 digits).</summary>
    public required string OrchestratorAccount { get; init; }

    /// <summary>The orchestrator account's region; the worker's region when null.</summary>
    public string? OrchestratorRegion { get; init; }

    /// <summary>The bus of this account that the rules listen on. <c>default</c> is imported; any other name is created.</summary>
    public string BusName { get; init; } = "default";

    /// <summary>The orchestrator account's bus that the return rule targets.</summary>
    public string OrchestratorBusName { get; init; } = "default";

    /// <summary>Production keeps the bucket on stack deletion; other stages auto-delete it.</summary>
    public bool IsProduction { get; init; }

    /// <summary>Days after which intermediate basic-/final- objects expire.</summary>
    public int IntermediateObjectExpirationDays { get; init; } = 7;

    /// <summary>
    /// A folder holding an already published <c>bootstrap</c>; when null, the context key
    /// <see cref="BootstrapDirectoryContextKey"/> is read, and without either CDK bundles it with <c>dotnet publish</c>.
    /// </summary>
    public string? BootstrapDirectory { get; init; }

    /// <summary>
    /// How long Lambda keeps retrying an asynchronous event (1 to 360 minutes); older events go to the
    /// on-failure destination, which turns them into a <c>failed</c> for their task.
    /// </summary>
    public int AsyncEventMaxAgeMinutes { get; init; } = 60;
}
