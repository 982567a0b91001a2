namespace Choreo.Contracts;

/// <summary>The detail-types of Choreo's events; wire names stay compatible with the article's code.</summary>
public static class DetailTypes
{
    public const string Start = "start";
    public const string GetUsers = "getUsers";
    public const string GetUserProfile = "getUserProfile";
    public const string GetUserCookies = "getUserCookies";
    public const string GenerateReport = "generateReport";
    public const string Done = "done";
    public const string Failed = "failed";
    public const string AsyncDone = "async.done";

    /// <summary>Every detail-type, in the order a run meets them.</summary>
    public static IReadOnlyList<string> All { get; } =
        [Start, GetUsers, GetUserProfile, GetUserCookies, GenerateReport, Done, Failed, AsyncDone];

    /// <summary>What the orchestrator sends to the worker account.</summary>
    public static IReadOnlyList<string> OrchestratorToWorker { get; } = [GetUsers, GetUserProfile, GenerateReport];

    /// <summary>What the worker account sends back to the orchestrator.</summary>
    public static IReadOnlyList<string> WorkerToOrchestrator { get; } = [Done, Failed, AsyncDone];

    /// <summary>What the task finisher answers to the main state machine.</summary>
    public static IReadOnlyList<string> TaskCallbacks { get; } = [Done, Failed];
}
