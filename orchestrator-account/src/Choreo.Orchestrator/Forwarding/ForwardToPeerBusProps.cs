using Amazon.CDK;
using Choreo.Orchestrator.Bus;

namespace Choreo.Orchestrator.Forwarding;

/// <summary>What to forward from which bus to which peer bus, and how hard to try.</summary>
/// <param name="Bus">The bus the rule listens on.</param>
/// <param name="PeerAccount">The peer account (12 digits).</param>
/// <param name="PeerRegion">The peer bus's region.</param>
/// <param name="PeerBusName">The peer bus's name.</param>
/// <param name="Source">The only source forwarded.</param>
/// <param name="DetailTypes">The only detail-types forwarded.</param>
/// <param name="RetryAttempts">How often EventBridge retries a failed delivery (0-185).</param>
/// <param name="MaxEventAge">How long it keeps retrying (60 s - 24 h) before the event goes to the dead-letter queue.</param>
public sealed record ForwardToPeerBusProps(
    ChoreoBus Bus,
    string PeerAccount,
    string PeerRegion,
    string PeerBusName,
    string Source,
    IReadOnlyList<string> DetailTypes,
    int RetryAttempts,
    Duration MaxEventAge);
