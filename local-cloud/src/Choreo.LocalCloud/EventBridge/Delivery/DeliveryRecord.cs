namespace Choreo.LocalCloud.EventBridge.Delivery;

/// <summary>One line of the delivery log: which event, through which rule, to which target, which attempt, and how it went.</summary>
public sealed record DeliveryRecord(
    string EventId,
    string RuleArn,
    string TargetId,
    string TargetArn,
    int Attempt,
    DeliveryOutcome Outcome,
    string? ErrorCode,
    string? ErrorMessage,
    DateTimeOffset Time);
