namespace Choreo.LocalCloud.EventBridge.Delivery;

/// <summary>Every delivery attempt and final outcome of one EventBridge instance, in the order they happened.</summary>
public sealed class DeliveryLog
{
    private readonly List<DeliveryRecord> _records = [];
    private readonly Lock _gate = new();

    public void Append(DeliveryRecord record)
    {
        lock (_gate)
        {
            _records.Add(record);
        }
    }

    public IReadOnlyList<DeliveryRecord> Records()
    {
        lock (_gate)
        {
            return _records.ToList();
        }
    }

    public IReadOnlyList<DeliveryRecord> ForEvent(string eventId)
    {
        lock (_gate)
        {
            return _records.Where(record => record.EventId == eventId).ToList();
        }
    }
}
