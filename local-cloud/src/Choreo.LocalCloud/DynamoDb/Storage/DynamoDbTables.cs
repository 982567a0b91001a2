using System.Collections.Concurrent;
using Choreo.LocalCloud.Accounts;

namespace Choreo.LocalCloud.DynamoDb.Storage;

/// <summary>Every DynamoDB table of one local-cloud instance, isolated per account and region as in AWS.</summary>
public sealed class DynamoDbTables
{
    private readonly ConcurrentDictionary<(string Account, string Region), RegionTables> _regions = new();

    public RegionTables For(AccountContext account) => _regions.GetOrAdd((account.AccountId, account.Region), _ => new RegionTables());
}
