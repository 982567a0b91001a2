using Amazon.CDK.AWS.Logs;
using Amazon.CDK.AWS.StepFunctions;
using Constructs;

namespace Choreo.Orchestrator.Observability;

/// <summary>
/// The CloudWatch Logs destination of a state machine. Express executions are visible only through their
/// logs, and the Standard machine's logs let one execution be followed next to the worker's.
/// </summary>
public static class ExecutionLogging
{
    public static LogOptions For(Construct scope, LogLevel level) => new()
    {
        Destination = new LogGroup(scope, "ExecutionLogs", new LogGroupProps { Retention = RetentionDays.ONE_MONTH }),
        Level = level,
        IncludeExecutionData = level != LogLevel.OFF,
    };
}
