namespace Choreo.Pipeline.Configuration;

/// <summary>The two accounts of one stage: the orchestrator's and the worker's.</summary>
public sealed record StageAccounts(string Name, string OrchestratorAccount, string WorkerAccount);
