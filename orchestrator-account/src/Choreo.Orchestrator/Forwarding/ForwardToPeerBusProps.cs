using Choreo.Orchestrator.Bus;

namespace Choreo.Orchestrator.Forwarding;

/// <summary>What to forward from which bus to which peer bus.</summary>
public sealed record ForwardToPeerBusProps
{
    /// <summary>The bus the rule listens on.</summary>
    public required ChoreoBus Bus { get; init; }

    /// <summary>The peer account (12 digits).</summary>
    public required string PeerAccount { get; init; }

    /// <summary>The peer bus's region.</summary>
    public required string PeerRegion { get; init; }

    /// <summary>The peer bus's name.</summary>
    public required string PeerBusName { get; init; }

    /// <summary>The only source forwarded.</summary>
    public required string Source { get; init; }

    /// <summary>The only detail-types forwarded.</summary>
    public required IReadOnlyList<string> DetailTypes { get; init; }
}
