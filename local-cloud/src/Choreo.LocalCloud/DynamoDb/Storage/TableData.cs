using Choreo.LocalCloud.DynamoDb.Model;

namespace Choreo.LocalCloud.DynamoDb.Storage;

/// <summary>
/// A table's items, sorted by key, and one sorted key space per global secondary index. Not thread-safe:
/// <see cref="RegionTables"/> serializes access to every table of an account and region.
/// </summary>
public sealed class TableData(TableDefinition definition)
{
    private readonly SortedSet<KeyedEntry> _items = new(KeyOrder.Instance);
    private readonly Dictionary<string, SortedSet<KeyedEntry>> _indexes =
        definition.GlobalSecondaryIndexes.ToDictionary(index => index.Name, _ => new SortedSet<KeyedEntry>(KeyOrder.Instance));

    public TableDefinition Definition { get; } = definition;
    public long ItemCount => _items.Count;
    public long SizeBytes { get; private set; }

    public StoredItem? Find(AttributeValue partitionKey, AttributeValue? sortKey) =>
        _items.TryGetValue(StoredItem.Probe(partitionKey, sortKey, 0), out var found) ? (StoredItem)found : null;

    /// <summary>Stores <paramref name="item"/> (keys already validated), replacing the item with the same key.</summary>
    public StoredItem Store(IReadOnlyDictionary<string, AttributeValue> item, int size)
    {
        var key = Definition.Key;
        var partition = item[key.Partition.Name];
        if (key.Sort is not null)
        {
            // Items of one partition share one instance of its key value: many small items per partition is the common shape.
            var neighbours = _items.GetViewBetween(StoredItem.Probe(partition, null, -1), StoredItem.Probe(partition, null, 1));
            if (neighbours.Min is { PartitionKey: { } shared })
            {
                partition = shared;
            }
        }
        var stored = new StoredItem(key, partition, key.Sort is null ? null : item[key.Sort.Name], ItemCodec.Encode(item, key), size);
        if (Find(stored.PartitionKey!, stored.SortKey) is { } previous)
        {
            Remove(previous);
        }
        _items.Add(stored);
        SizeBytes += size;
        foreach (var index in Definition.GlobalSecondaryIndexes)
        {
            // Items without the index's key attributes (or with other types) are not in the index.
            if (item.TryGetValue(index.Key.Partition.Name, out var indexPartition) && indexPartition.Type == index.Key.Partition.Type)
            {
                AttributeValue? sort = null;
                if (index.Key.Sort is { } sortKey && (!item.TryGetValue(sortKey.Name, out sort) || sort.Type != sortKey.Type))
                {
                    continue;
                }
                _indexes[index.Name].Add(new IndexEntry(indexPartition, sort, stored));
            }
        }
        return stored;
    }

    public void Remove(StoredItem stored)
    {
        _items.Remove(stored);
        SizeBytes -= stored.Size;
        if (_indexes.Count == 0)
        {
            return;
        }
        var item = stored.Read();
        foreach (var index in Definition.GlobalSecondaryIndexes)
        {
            if (item.TryGetValue(index.Key.Partition.Name, out var partition))
            {
                var sort = index.Key.Sort is { } sortKey ? item.GetValueOrDefault(sortKey.Name) : null;
                if (partition.Type == index.Key.Partition.Type && (index.Key.Sort is null || sort?.Type == index.Key.Sort.Type))
                {
                    _indexes[index.Name].Remove(new IndexEntry(partition, sort, stored));
                }
            }
        }
    }

    /// <summary>How many items an index holds and their total size.</summary>
    public (long Count, long Bytes) IndexStatistics(string index)
    {
        var entries = _indexes[index];
        return (entries.Count, entries.Sum(entry => (long)((IndexEntry)entry).Item!.Size));
    }

    /// <summary>Entries of the table (index null) or an index between two probes, in key order or reversed.</summary>
    public IEnumerable<KeyedEntry> Range(string? index, KeyedEntry low, KeyedEntry high, bool forward)
    {
        var set = index is null ? _items : _indexes[index];
        if (KeyOrder.Instance.Compare(low, high) > 0)
        {
            return [];
        }
        var view = set.GetViewBetween(low, high);
        return forward ? view : view.Reverse();
    }

    /// <summary>The table item an entry of the table or of an index stands for.</summary>
    public static StoredItem ItemOf(KeyedEntry entry) => entry as StoredItem ?? ((IndexEntry)entry).Item!;
}
