namespace Choreo.LocalCloud.DynamoDb.Model;

/// <summary>A partition (HASH) key and an optional sort (RANGE) key.</summary>
public sealed record KeySchema(KeyAttribute Partition, KeyAttribute? Sort)
{
    public IEnumerable<KeyAttribute> Attributes => Sort is null ? [Partition] : [Partition, Sort];

    public bool IsKeyAttribute(string name) => Partition.Name == name || Sort?.Name == name;
}
