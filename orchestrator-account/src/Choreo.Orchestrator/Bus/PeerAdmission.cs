namespace Choreo.Orchestrator.Bus;

/// <summary>A peer account that may put events on the bus, limited to the listed sources and detail-types.</summary>
public sealed record PeerAdmission(string Account, IReadOnlyList<string> Sources, IReadOnlyList<string> DetailTypes);
