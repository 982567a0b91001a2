using Choreo.LocalCloud.DynamoDb.Model;

namespace Choreo.LocalCloud.DynamoDb.Storage;

/// <summary>An item's place in a global secondary index: the index's key values and the table item they point at.</summary>
public sealed class IndexEntry(AttributeValue? partitionKey, AttributeValue? sortKey, StoredItem? item, sbyte bound = 0)
    : KeyedEntry(partitionKey, sortKey, bound)
{
    public StoredItem? Item { get; } = item;
}
