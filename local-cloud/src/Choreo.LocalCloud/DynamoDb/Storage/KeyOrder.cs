using Choreo.LocalCloud.DynamoDb.Model;

namespace Choreo.LocalCloud.DynamoDb.Storage;

/// <summary>
/// Orders entries by partition key, then sort key (DynamoDB's order within a partition), with probes placed by
/// their bounds; index entries with equal index keys are ordered by their table keys, since indexes allow duplicates.
/// </summary>
public sealed class KeyOrder : IComparer<KeyedEntry>
{
    public static KeyOrder Instance { get; } = new();

    public int Compare(KeyedEntry? a, KeyedEntry? b)
    {
        if (ReferenceEquals(a, b))
        {
            return 0;
        }
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var order = ComparePosition(a.PartitionKey, a.SortKey, a.Bound, b.PartitionKey, b.SortKey, b.Bound);
        if (order != 0)
        {
            return order;
        }
        if (a is IndexEntry { Item: { } left } && b is IndexEntry { Item: { } right })
        {
            return Compare(left, right);
        }
        return 0;
    }

    private static int ComparePosition(AttributeValue? aPartition, AttributeValue? aSort, sbyte aBound, AttributeValue? bPartition, AttributeValue? bSort, sbyte bBound)
    {
        if (aPartition is null || bPartition is null)
        {
            return aPartition is null && bPartition is null ? aBound.CompareTo(bBound) : aPartition is null ? aBound : -bBound;
        }
        var order = AttributeValue.CompareScalars(aPartition, bPartition);
        if (order != 0)
        {
            return order;
        }
        if (aSort is null || bSort is null)
        {
            if (aSort is null && bSort is null)
            {
                return aBound.CompareTo(bBound);
            }
            return aSort is null ? (aBound == 0 ? -1 : aBound) : (bBound == 0 ? 1 : -bBound);
        }
        order = AttributeValue.CompareScalars(aSort, bSort);
        return order != 0 ? order : aBound.CompareTo(bBound);
    }
}
