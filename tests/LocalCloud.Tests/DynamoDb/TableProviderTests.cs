using System.Text.Json.Nodes;
using Choreo.LocalCloud.Accounts;
using Choreo.LocalCloud.CloudFormation.Resources;
using Choreo.LocalCloud.DynamoDb.Api;
using Choreo.LocalCloud.DynamoDb.CloudFormation;
using Choreo.LocalCloud.DynamoDb.Storage;
using Choreo.LocalCloud.Hosting;

namespace LocalCloud.Tests.DynamoDb;

public sealed class TableProviderTests
{
    private static readonly AccountContext Target = new("333333333333", "eu-west-1");

    private static ResourceRequest Request(string logicalId, string properties) =>
        new(Target, "MigrationTarget", logicalId, JsonNode.Parse(properties)!.AsObject(), "/tmp", new Dictionary<string, JsonNode?>());

    [Fact]
    public async Task A_template_table_is_created_with_a_generated_name_and_its_arn()
    {
        var tables = new DynamoDbTables();
        var api = new DynamoDbApi(tables, new ManualClock(DateTimeOffset.UnixEpoch));
        var provider = new TableProvider(new TableOperations(tables, new ManualClock(DateTimeOffset.UnixEpoch)));
        var resource = await provider.CreateAsync(Request("People", """
            {"KeySchema":[{"AttributeName":"id","KeyType":"HASH"}],"AttributeDefinitions":[{"AttributeName":"id","AttributeType":"S"},{"AttributeName":"group","AttributeType":"S"}],
             "ProvisionedThroughput":{"ReadCapacityUnits":"5","WriteCapacityUnits":"5"},"SSESpecification":{"SSEEnabled":true},
             "GlobalSecondaryIndexes":[{"IndexName":"by-group","KeySchema":[{"AttributeName":"group","KeyType":"HASH"}],"Projection":{"ProjectionType":"ALL"},
               "ProvisionedThroughput":{"ReadCapacityUnits":1,"WriteCapacityUnits":1}}]}
            """), CancellationToken.None);
        Assert.StartsWith("MigrationTarget-People-", resource.PhysicalId);
        Assert.Equal($"arn:aws:dynamodb:eu-west-1:333333333333:table/{resource.PhysicalId}", resource.Attributes["Arn"]!.GetValue<string>());
        var described = await api.CallAsync(Target, "DescribeTable", new JsonObject { ["TableName"] = resource.PhysicalId }, CancellationToken.None);
        Assert.Equal("by-group", described["Table"]!["GlobalSecondaryIndexes"]![0]!["IndexName"]!.GetValue<string>());
    }

    [Fact]
    public async Task Global_tables_and_time_to_live_are_refused_clearly()
    {
        var global = await Assert.ThrowsAsync<AwsServiceException>(() => new GlobalTableProvider().CreateAsync(Request("Replicated", "{}"), CancellationToken.None));
        Assert.Equal("Resource Replicated: AWS::DynamoDB::GlobalTable (multi-region replication) is not supported by local-cloud; use AWS::DynamoDB::Table.", global.Message);

        var tables = new DynamoDbTables();
        var provider = new TableProvider(new TableOperations(tables, new ManualClock(DateTimeOffset.UnixEpoch)));
        var ttl = await Assert.ThrowsAsync<AwsServiceException>(() => provider.CreateAsync(Request("Expiring", """
            {"KeySchema":[{"AttributeName":"id","KeyType":"HASH"}],"AttributeDefinitions":[{"AttributeName":"id","AttributeType":"S"}],
             "BillingMode":"PAY_PER_REQUEST","TimeToLiveSpecification":{"AttributeName":"expires","Enabled":true}}
            """), CancellationToken.None));
        Assert.Contains("time to live", ttl.Message);
    }
}
