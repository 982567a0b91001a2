using Amazon.CDK;
using Amazon.CDK.AWS.Events;

namespace Choreo.Orchestrator.Workflow;

/// <summary>One step the worker account answers: what it sends, how long it waits, what it keeps.</summary>
/// <param name="Bus">The bus the request is put on.</param>
/// <param name="DetailType">The contract detail-type of the request.</param>
/// <param name="Fields">The step's own detail fields; TaskToken, execution and stateName are added (and may be overridden).</param>
/// <param name="Timeout">How long the step waits for <c>done</c> or <c>failed</c> before it fails with States.Timeout.</param>
/// <param name="Heartbeat">When set, the step fails with States.HeartbeatTimeout if no heartbeat arrives within it.</param>
/// <param name="ResultSelector">Picks the fields of the <c>done</c> detail the workflow keeps.</param>
/// <param name="ResultPath">Where the selected result lands in the state.</param>
public sealed record WorkerStepProps(
    IEventBus Bus,
    string DetailType,
    IReadOnlyDictionary<string, object> Fields,
    Duration Timeout,
    Duration? Heartbeat = null,
    IDictionary<string, object>? ResultSelector = null,
    string? ResultPath = null);
