namespace Choreo.Worker.Functions;

/// <summary>
/// The <c>_HANDLER</c> values: the worker stack sets one as each function's Handler, and the bootstrap and
/// <see cref="Hosting.FunctionCatalog"/> pick the handler by it.
/// </summary>
public static class HandlerNames
{
    public const string GetMultiple = "getMultiple";
    public const string ProcessSingle = "processSingle";
    public const string PostProcessSingle = "postProcessSingle";
    public const string SideEffect = "sideEffect";
    public const string PostProcessAll = "postProcessAll";

    /// <summary>Turns Lambda's on-failure destination records into <c>failed</c> events for the waiting task.</summary>
    public const string FailureRelay = "failureRelay";

    public static IReadOnlyList<string> All { get; } =
        [GetMultiple, ProcessSingle, PostProcessSingle, SideEffect, PostProcessAll, FailureRelay];

    /// <summary>The handlers that read or write the worker bucket (and so need <c>BUCKET</c>).</summary>
    public static IReadOnlyList<string> UsingBucket { get; } = [ProcessSingle, PostProcessSingle, PostProcessAll];
}
