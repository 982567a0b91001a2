namespace Choreo.LocalCloud.Accounts;

/// <summary>An account local-cloud introduces by name when it starts (any other 12-digit account works too).</summary>
public sealed record KnownAccount(string AccountId, string Role)
{
    public static KnownAccount Orchestrator { get; } = new("111111111111", "orchestrator");

    public static KnownAccount Worker { get; } = new("222222222222", "worker");

    public static IReadOnlyList<KnownAccount> Choreo { get; } = [Orchestrator, Worker];
}
