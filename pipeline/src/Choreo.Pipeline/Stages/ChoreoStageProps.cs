using Choreo.Pipeline.Configuration;

namespace Choreo.Pipeline.Stages;

/// <summary>One stage's accounts, its region, and the tooling account whose smoke step may act in it.</summary>
public sealed record ChoreoStageProps(StageAccounts Accounts, string Region, string ToolingAccount, bool IsProduction, int MapMaxConcurrency = ChoreoConfiguration.DefaultMapMaxConcurrency);
