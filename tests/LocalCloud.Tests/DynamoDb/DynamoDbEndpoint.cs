using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Choreo.LocalCloud.DynamoDb.Api;
using Choreo.LocalCloud.DynamoDb.Storage;
using Choreo.LocalCloud.Hosting;
using LocalCloud.Tests.Hosting;

namespace LocalCloud.Tests.DynamoDb;

/// <summary>local-cloud's DynamoDB on a loopback port, and AWSSDK.DynamoDBv2 clients signed as any account.</summary>
public sealed class DynamoDbEndpoint : IAsyncLifetime
{
    public const string Worker = "222222222222";
    public const string Target = "333333333333";

    public DynamoDbEndpoint()
    {
        Api = new DynamoDbApi(new DynamoDbTables(), new ManualClock(DateTimeOffset.Parse("2026-01-01T00:00:00Z")));
        Host = StandaloneEndpoint.For(new LocalCloudOptions { Port = 0 }).AddJsonService(Api);
    }

    public DynamoDbApi Api { get; }
    public LocalCloudHost Host { get; }

    public Task InitializeAsync() => Host.StartAsync();

    public async Task DisposeAsync() => await Host.DisposeAsync();

    public AmazonDynamoDBClient Client(string account = Worker, string region = "us-east-1") =>
        new(new BasicAWSCredentials(account, "test"), new AmazonDynamoDBConfig
        {
            ServiceURL = Host.BaseUrl.ToString(),
            AuthenticationRegion = region,
            MaxErrorRetry = 0,
        });

    /// <summary>Creates an on-demand table keyed <c>pk</c> (S) and, when <paramref name="sortType"/> is given, <c>sk</c>.</summary>
    public static async Task CreateTableAsync(IAmazonDynamoDB client, string name, ScalarAttributeType? sortType = null,
        params GlobalSecondaryIndex[] indexes)
    {
        var request = new CreateTableRequest
        {
            TableName = name,
            BillingMode = BillingMode.PAY_PER_REQUEST,
            AttributeDefinitions = [new AttributeDefinition("pk", ScalarAttributeType.S)],
            KeySchema = [new KeySchemaElement("pk", KeyType.HASH)],
        };
        if (sortType is not null)
        {
            request.AttributeDefinitions.Add(new AttributeDefinition("sk", sortType));
            request.KeySchema.Add(new KeySchemaElement("sk", KeyType.RANGE));
        }
        foreach (var index in indexes)
        {
            foreach (var key in index.KeySchema.Where(key => request.AttributeDefinitions.All(d => d.AttributeName != key.AttributeName)))
            {
                request.AttributeDefinitions.Add(new AttributeDefinition(key.AttributeName, ScalarAttributeType.S));
            }
        }
        if (indexes.Length > 0)
        {
            request.GlobalSecondaryIndexes = [.. indexes];
        }
        await client.CreateTableAsync(request);
    }

    public static AttributeValue S(string value) => new() { S = value };

    public static AttributeValue N(string value) => new() { N = value };
}
