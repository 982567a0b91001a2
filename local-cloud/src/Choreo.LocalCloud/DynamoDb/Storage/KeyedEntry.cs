using Choreo.LocalCloud.DynamoDb.Model;

namespace Choreo.LocalCloud.DynamoDb.Storage;

/// <summary>
/// An entry of a sorted key space (a table or an index), or a probe that marks a position in one:
/// a probe's <see cref="Bound"/> is -1 (just before) or +1 (just after) its keys; a probe without a sort key
/// stands before or after the whole partition, one without a partition key before or after everything.
/// </summary>
public abstract class KeyedEntry(AttributeValue? partitionKey, AttributeValue? sortKey, sbyte bound)
{
    public AttributeValue? PartitionKey { get; } = partitionKey;
    public AttributeValue? SortKey { get; } = sortKey;
    public sbyte Bound { get; } = bound;
}
