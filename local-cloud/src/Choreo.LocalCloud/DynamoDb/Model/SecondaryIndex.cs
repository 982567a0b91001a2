namespace Choreo.LocalCloud.DynamoDb.Model;

/// <summary>
/// A global secondary index: its key, which attributes it projects (<c>ALL</c>, <c>KEYS_ONLY</c> or <c>INCLUDE</c>
/// with <see cref="NonKeyAttributes"/>) and, for provisioned tables, its own throughput.
/// </summary>
public sealed record SecondaryIndex(
    string Name,
    KeySchema Key,
    string ProjectionType,
    IReadOnlyList<string> NonKeyAttributes,
    ProvisionedThroughput Throughput);
