using Amazon.CDK;
using Amazon.CDK.AWS.Events;
using Amazon.CDK.AWS.StepFunctions;

namespace Choreo.Orchestrator.Workflow;

/// <summary>The main workflow's bus, fan-out width, waiting limits and log level.</summary>
/// <param name="ReportHeartbeat">
/// Heartbeat limit of GenerateReport, the step that may run long. Off by default: the contracts have no
/// heartbeat event yet, so nothing would keep the step alive and the heartbeat would only shorten its timeout.
/// </param>
public sealed record EventDrivenMachineProps(
    IEventBus Bus,
    int MapMaxConcurrency,
    Duration GetUsersTimeout,
    Duration PerPersonTimeout,
    Duration ReportTimeout,
    LogLevel LogLevel,
    Duration? ReportHeartbeat = null);
