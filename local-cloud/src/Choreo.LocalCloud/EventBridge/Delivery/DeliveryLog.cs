using Choreo.LocalCloud.EventBridge.Model;

namespace Choreo.LocalCloud.EventBridge.Delivery;

/// <summary>Every delivery attempt and final outcome of one EventBridge instance, in the order they happened.</summary>
public sealed class DeliveryLog : AppendOnlyLog<DeliveryRecord>
{
    public IReadOnlyList<DeliveryRecord> ForEvent(string eventId) => Where(record => record.EventId == eventId);
}
