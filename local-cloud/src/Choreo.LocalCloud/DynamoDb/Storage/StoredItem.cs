using Choreo.LocalCloud.DynamoDb.Model;

namespace Choreo.LocalCloud.DynamoDb.Storage;

/// <summary>
/// One item as kept in memory: its key values (for ordering) and the whole item as compact UTF-8 JSON, which
/// costs a fraction of a tree of objects, so a table holds a million small items in a few hundred MB.
/// </summary>
public sealed class StoredItem : KeyedEntry
{
    private readonly byte[]? _body;

    public StoredItem(AttributeValue partitionKey, AttributeValue? sortKey, byte[] body, int size)
        : base(partitionKey, sortKey, 0)
    {
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
        AttributeValueJson.Deserialize(_body ?? throw new InvalidOperationException("a probe holds no item"));
}
