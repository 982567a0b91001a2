using Choreo.LocalCloud.Accounts;
using Choreo.LocalCloud.EventBridge.Patterns;

namespace Choreo.LocalCloud.EventBridge.Model;

/// <summary>A rule on a bus: its pattern (text as given, and parsed), state, and targets in the order they were put.</summary>
public sealed class EventRule(AccountContext owner, string busName, string name)
{
    public AccountContext Owner { get; } = owner;
    public string BusName { get; } = busName;
    public string Name { get; } = name;
    public string Arn { get; } = EventBridgeArn.Rule(owner, busName, name);

    public string EventPatternText { get; internal set; } = "{}";
    public EventPattern? Pattern { get; internal set; }
    public bool Enabled { get; internal set; } = true;
    public string? Description { get; internal set; }
    public string? RoleArn { get; internal set; }

    /// <summary>Targets by id; <see cref="TargetOrder"/> keeps the put order for listing.</summary>
    internal Dictionary<string, RuleTarget> Targets { get; } = [];
    internal List<string> TargetOrder { get; } = [];

    public string State => Enabled ? "ENABLED" : "DISABLED";

    public IReadOnlyList<RuleTarget> TargetsInOrder() => TargetOrder.Select(id => Targets[id]).ToList();
}
