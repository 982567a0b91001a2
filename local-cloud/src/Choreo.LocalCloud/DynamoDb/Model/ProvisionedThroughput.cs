namespace Choreo.LocalCloud.DynamoDb.Model;

/// <summary>Read and write capacity units of a provisioned table or index (0 and 0 for on-demand).</summary>
public sealed record ProvisionedThroughput(long ReadCapacityUnits, long WriteCapacityUnits);
