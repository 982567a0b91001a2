using Choreo.LocalCloud.EventBridge.Model;

namespace Choreo.LocalCloud.EventBridge.Delivery;

/// <summary>An event matched by a rule, on its way to one target (the target's settings as they were when it matched).</summary>
public sealed record PendingDelivery(string RuleName, string RuleArn, RuleTarget Target, IngestedEvent Event);
