namespace Choreo.Pipeline.Configuration;

/// <summary>The CDK context keys the app reads (cdk.json "context" or <c>-c key=value</c>).</summary>
public static class ContextKeys
{
    public const string ToolingAccount = "choreo:toolingAccount";
    public const string Region = "choreo:region";
    public const string DevOrchestratorAccount = "choreo:dev:orchestratorAccount";
    public const string DevWorkerAccount = "choreo:dev:workerAccount";
    public const string ProdOrchestratorAccount = "choreo:prod:orchestratorAccount";
    public const string ProdWorkerAccount = "choreo:prod:workerAccount";
    public const string SourceConnectionArn = "choreo:source:connectionArn";
    public const string SourceRepository = "choreo:source:repository";
    public const string SourceBranch = "choreo:source:branch";
    public const string SourceCodeCommitRepository = "choreo:source:codeCommitRepository";

    /// <summary>The main state machine's Map concurrency (optional, default 2; <c>choreo run --max-concurrency</c> sets it).</summary>
    public const string MapMaxConcurrency = "choreo:mapMaxConcurrency";

    /// <summary>The account keys: all of them, or none (then the local fake accounts are used).</summary>
    public static IReadOnlyList<string> Accounts { get; } =
        [ToolingAccount, DevOrchestratorAccount, DevWorkerAccount, ProdOrchestratorAccount, ProdWorkerAccount];
}
