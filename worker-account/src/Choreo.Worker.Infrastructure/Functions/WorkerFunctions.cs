using Choreo.Contracts;

namespace Choreo.Worker.Infrastructure.Functions;

/// <summary>
/// The worker account's functions as a table of intentions (the architecture's event contract):
/// which events start each one and the least bucket access it needs.
/// </summary>
public static class WorkerFunctions
{
    public static WorkerFunctionSpec GetMultiple { get; } = new(
        "GetMultiple", "getMultiple", new(Sources.Orchestrator, DetailTypes.GetUsers),
        BucketAccess.None, TimeoutSeconds: 30, CrashFailsTask: true);

    // Writes the basic- profile (tagged as intermediate) and presigns a GET for it, so it needs get as well.
    public static WorkerFunctionSpec ProcessSingle { get; } = new(
        "ProcessSingle", "processSingle", new(Sources.Orchestrator, DetailTypes.GetUserProfile),
        BucketAccess.GetObjects | BucketAccess.PutObjects | BucketAccess.TagObjects, TimeoutSeconds: 30, CrashFailsTask: true);

    // Reads the profile through the presigned URL (no S3 credentials), writes the final- object.
    public static WorkerFunctionSpec PostProcessSingle { get; } = new(
        "PostProcessSingle", "postProcessSingle", new(Sources.Worker, DetailTypes.GetUserCookies),
        BucketAccess.PutObjects | BucketAccess.TagObjects, TimeoutSeconds: 30, CrashFailsTask: true);

    // Fire-and-forget: nothing waits on it, so no failure of it fails the item's task; after Lambda's retries
    // its failures land in the side-effect dead-letter queue.
    public static WorkerFunctionSpec SideEffect { get; } = new(
        "SideEffect", "sideEffect", new(Sources.Worker, DetailTypes.GetUserCookies),
        BucketAccess.None, TimeoutSeconds: 30, CrashFailsTask: false, IsSideEffect: true);

    public static WorkerFunctionSpec PostProcessAll { get; } = new(
        "PostProcessAll", "postProcessAll", new(Sources.Orchestrator, DetailTypes.GenerateReport),
        BucketAccess.GetObjects | BucketAccess.PutObjects | BucketAccess.ListObjects, TimeoutSeconds: 120, CrashFailsTask: true);

    // Started by Lambda's failure records (see FailureRelayRule); its own failures go nowhere, so no loop.
    public static WorkerFunctionSpec FailureRelay { get; } = new(
        "FailureRelay", "failureRelay", Trigger: null,
        BucketAccess.None, TimeoutSeconds: 30, CrashFailsTask: false, HasFailureDestination: false);

    /// <summary>Every function, in the order a run meets them.</summary>
    public static IReadOnlyList<WorkerFunctionSpec> All { get; } =
        [GetMultiple, ProcessSingle, PostProcessSingle, SideEffect, PostProcessAll, FailureRelay];
}
