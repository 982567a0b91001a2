namespace Choreo.Worker.Infrastructure.Functions;

/// <summary>
/// One row of <see cref="WorkerFunctions"/>: what a worker function is called, which events start it,
/// what it may do with the bucket, and how a crash is reported.
/// </summary>
/// <param name="Id">The construct id, also the start of the generated function name.</param>
/// <param name="Handler">The <c>_HANDLER</c> value that selects the handler inside the one bootstrap.</param>
/// <param name="Trigger">The events its own rule matches; null when another construct wires its rule.</param>
/// <param name="Bucket">Its access to the worker bucket.</param>
/// <param name="TimeoutSeconds">The Lambda timeout.</param>
/// <param name="CrashFailsTask">Whether a crash after Lambda's retries fails the task whose token its event carries.</param>
/// <param name="HasFailureDestination">Whether its asynchronous failures go to the bus (false only for the relay, to avoid loops).</param>
/// <param name="IsSideEffect">Whether it is off the workflow's path: its failures go to the side-effect dead-letter queue.</param>
public sealed record WorkerFunctionSpec(
    string Id,
    string Handler,
    EventTrigger? Trigger,
    BucketAccess Bucket,
    int TimeoutSeconds,
    bool CrashFailsTask,
    bool HasFailureDestination = true,
    bool IsSideEffect = false);
