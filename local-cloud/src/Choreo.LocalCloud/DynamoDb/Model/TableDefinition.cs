namespace Choreo.LocalCloud.DynamoDb.Model;

/// <summary>What CreateTable fixed for a table; DescribeTable renders it with the live item count and size.</summary>
public sealed record TableDefinition(
    string Name,
    string Arn,
    string TableId,
    KeySchema Key,
    IReadOnlyList<KeyAttribute> AttributeDefinitions,
    string BillingMode,
    ProvisionedThroughput Throughput,
    IReadOnlyList<SecondaryIndex> GlobalSecondaryIndexes,
    DateTimeOffset CreatedAt)
{
    public const string PayPerRequest = "PAY_PER_REQUEST";
    public const string Provisioned = "PROVISIONED";

    public bool DeletionProtection { get; init; }

    public SecondaryIndex? FindIndex(string name) => GlobalSecondaryIndexes.FirstOrDefault(index => index.Name == name);
}
