using Choreo.LocalCloud.DynamoDb.Model;

namespace Choreo.LocalCloud.DynamoDb.Storage;

/// <summary>
/// One item as kept in memory: its key values (for ordering) and its other attributes in <see cref="ItemCodec"/>'s
/// compact binary form, which costs a fraction of a tree of objects (see the README for the measured figure).
/// </summary>
public sealed class StoredItem : KeyedEntry
{
    private readonly KeySchema? _key;
    private readonly byte[]? _body;

    public StoredItem(KeySchema key, AttributeValue partitionKey, AttributeValue? sortKey, byte[] body, int size)
        : base(partitionKey, sortKey, 0)
    {
        _key = key;
        _body = body;
        Size = size;
    }

    private StoredItem(AttributeValue? partitionKey, AttributeValue? sortKey, sbyte bound)
        : base(partitionKey, sortKey, bound)
    {
    }

    public int Size { get; }

    public static StoredItem Probe(AttributeValue? partitionKey, AttributeValue? sortKey, sbyte bound) => new(partitionKey, sortKey, bound);

    public Dictionary<string, AttributeValue> Read() =>
        ItemCodec.Decode(_body ?? throw new InvalidOperationException("a probe holds no item"), _key!, PartitionKey!, SortKey);
}
