namespace Choreo.LocalCloud.EventBridge.Delivery;

/// <summary>What one step of a delivery ended in.</summary>
public enum DeliveryOutcome
{
    /// <summary>The target accepted the event.</summary>
    Delivered,

    /// <summary>An attempt failed and will be retried.</summary>
    Failed,

    /// <summary>Retries are exhausted (or the error is not retried) and the event went to the target's dead-letter queue.</summary>
    DeadLettered,

    /// <summary>Retries are exhausted and there was no usable dead-letter queue: the event is lost, as on AWS.</summary>
    Dropped,
}
