using Choreo.Pipeline.Configuration;

namespace Choreo.Pipeline.Stages;

/// <summary>One stage's accounts, its region, and the tooling account whose smoke step may act in it.</summary>
public sealed record ChoreoStageProps
{
    public required StageAccounts Accounts { get; init; }
    public required string Region { get; init; }
    public required string ToolingAccount { get; init; }
    public required bool IsProduction { get; init; }
    public int MapMaxConcurrency { get; init; } = ChoreoConfiguration.DefaultMapMaxConcurrency;
}
