using Amazon.CDK;
using Amazon.CDK.AWS.StepFunctions;

namespace Choreo.Orchestrator;

/// <summary>What the orchestrator account needs to know: its peer worker account and the run's limits.</summary>
public sealed class OrchestratorStackProps : StackProps
{
    /// <summary>The worker account that runs the Lambdas (12 digits).</summary>
    public required string WorkerAccount { get; init; }

    /// <summary>The worker account's region; the orchestrator's region when null.</summary>
    public string? WorkerRegion { get; init; }

    /// <summary>The bus of this account that the state machines use.</summary>
    public string BusName { get; init; } = "default";

    /// <summary>The worker account's bus that the forward rule targets.</summary>
    public string WorkerBusName { get; init; } = "default";

    public int MapMaxConcurrency { get; init; } = 2;
    public Duration GetUsersTimeout { get; init; } = Duration.Minutes(5);
    public Duration PerPersonTimeout { get; init; } = Duration.Minutes(5);
    public Duration ReportTimeout { get; init; } = Duration.Minutes(15);
    public LogLevel LogLevel { get; init; } = LogLevel.ALL;

    /// <summary>
    /// Heartbeat limit of GenerateReport; off when null. Set it only once the worker sends heartbeats
    /// (the contracts have no heartbeat event yet): without them it just shortens the report's timeout.
    /// </summary>
    public Duration? ReportHeartbeat { get; init; }

    /// <summary>
    /// How often EventBridge retries delivering to the state machines (start and finisher rules). The forward
    /// rule to the worker's bus has no retry policy: EventBridge's default applies there (see PeerBusTarget).
    /// </summary>
    public int ForwardRetryAttempts { get; init; } = 10;

    /// <summary>How long EventBridge keeps retrying a delivery to the state machines; past the longest step timeout it would be useless.</summary>
    public Duration ForwardMaxEventAge { get; init; } = Duration.Minutes(15);
}
