using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace LocalCloud.Tests.DynamoDb;

public sealed class DynamoDbTableTests(DynamoDbEndpoint endpoint) : IClassFixture<DynamoDbEndpoint>
{
    [Fact]
    public async Task A_provisioned_hash_and_range_table_with_two_indexes_is_described_as_created()
    {
        using var client = endpoint.Client();
        var created = await client.CreateTableAsync(new CreateTableRequest
        {
            TableName = "orders",
            AttributeDefinitions =
            [
                new AttributeDefinition("pk", ScalarAttributeType.S), new AttributeDefinition("sk", ScalarAttributeType.N),
                new AttributeDefinition("status", ScalarAttributeType.S), new AttributeDefinition("email", ScalarAttributeType.S),
            ],
            KeySchema = [new KeySchemaElement("pk", KeyType.HASH), new KeySchemaElement("sk", KeyType.RANGE)],
            ProvisionedThroughput = new ProvisionedThroughput(5, 7),
            GlobalSecondaryIndexes =
            [
                new GlobalSecondaryIndex
                {
                    IndexName = "by-status", KeySchema = [new KeySchemaElement("status", KeyType.HASH), new KeySchemaElement("sk", KeyType.RANGE)],
                    Projection = new Projection { ProjectionType = ProjectionType.KEYS_ONLY }, ProvisionedThroughput = new ProvisionedThroughput(1, 1),
                },
                new GlobalSecondaryIndex
                {
                    IndexName = "by-email", KeySchema = [new KeySchemaElement("email", KeyType.HASH)],
                    Projection = new Projection { ProjectionType = ProjectionType.INCLUDE, NonKeyAttributes = ["name"] },
                    ProvisionedThroughput = new ProvisionedThroughput(2, 2),
                },
            ],
        });
        Assert.Equal(TableStatus.CREATING, created.TableDescription.TableStatus);
        Assert.Equal("arn:aws:dynamodb:us-east-1:222222222222:table/orders", created.TableDescription.TableArn);

        var described = (await client.DescribeTableAsync("orders")).Table;
        Assert.Equal(TableStatus.ACTIVE, described.TableStatus);
        Assert.Equal(5, described.ProvisionedThroughput.ReadCapacityUnits);
        Assert.Equal(7, described.ProvisionedThroughput.WriteCapacityUnits);
        Assert.Null(described.BillingModeSummary);
        Assert.Equal(["pk", "sk"], described.KeySchema.Select(k => k.AttributeName));
        Assert.Equal(["by-status", "by-email"], described.GlobalSecondaryIndexes.Select(i => i.IndexName));
        Assert.Equal(ProjectionType.INCLUDE, described.GlobalSecondaryIndexes[1].Projection.ProjectionType);
        Assert.Equal(["name"], described.GlobalSecondaryIndexes[1].Projection.NonKeyAttributes);
        Assert.Equal(IndexStatus.ACTIVE, described.GlobalSecondaryIndexes[0].IndexStatus);
    }

    [Fact]
    public async Task An_on_demand_table_reports_pay_per_request_and_zero_capacity()
    {
        using var client = endpoint.Client();
        await DynamoDbEndpoint.CreateTableAsync(client, "on-demand");
        var described = (await client.DescribeTableAsync("on-demand")).Table;
        Assert.Equal(BillingMode.PAY_PER_REQUEST, described.BillingModeSummary.BillingMode);
        Assert.Equal(0, described.ProvisionedThroughput.ReadCapacityUnits);
    }

    [Fact]
    public async Task Creating_an_existing_table_fails_with_resource_in_use()
    {
        using var client = endpoint.Client();
        await DynamoDbEndpoint.CreateTableAsync(client, "twice");
        var error = await Assert.ThrowsAsync<ResourceInUseException>(() => DynamoDbEndpoint.CreateTableAsync(client, "twice"));
        Assert.Equal("Table already exists: twice", error.Message);
    }

    [Fact]
    public async Task A_missing_table_fails_with_resource_not_found()
    {
        using var client = endpoint.Client();
        var error = await Assert.ThrowsAsync<ResourceNotFoundException>(() => client.DescribeTableAsync("nope"));
        Assert.Equal("Requested resource not found: Table: nope not found", error.Message);
        await Assert.ThrowsAsync<ResourceNotFoundException>(() => client.GetItemAsync("nope", new() { ["pk"] = DynamoDbEndpoint.S("a") }));
    }

    [Fact]
    public async Task Key_attributes_must_be_defined_and_provisioned_tables_need_throughput()
    {
        using var client = endpoint.Client();
        var undefined = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => client.CreateTableAsync(new CreateTableRequest
        {
            TableName = "bad", BillingMode = BillingMode.PAY_PER_REQUEST,
            AttributeDefinitions = [new AttributeDefinition("pk", ScalarAttributeType.S)],
            KeySchema = [new KeySchemaElement("pk", KeyType.HASH), new KeySchemaElement("sk", KeyType.RANGE)],
        }));
        Assert.Equal("ValidationException", undefined.ErrorCode);
        Assert.Equal("One or more parameter values were invalid: Some index key attributes are not defined in AttributeDefinitions. Keys: [sk], AttributeDefinitions: [pk]", undefined.Message);

        var noThroughput = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => client.CreateTableAsync(new CreateTableRequest
        {
            TableName = "bad", AttributeDefinitions = [new AttributeDefinition("pk", ScalarAttributeType.S)],
            KeySchema = [new KeySchemaElement("pk", KeyType.HASH)],
        }));
        Assert.Equal("One or more parameter values were invalid: ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED", noThroughput.Message);
    }

    [Fact]
    public async Task Tables_are_listed_in_pages_and_deleted_tables_disappear()
    {
        using var client = endpoint.Client(region: "eu-central-1");
        foreach (var name in new[] { "list-a", "list-b", "list-c" })
        {
            await DynamoDbEndpoint.CreateTableAsync(client, name);
        }
        var first = await client.ListTablesAsync(new ListTablesRequest { Limit = 2 });
        Assert.Equal(["list-a", "list-b"], first.TableNames);
        Assert.Equal("list-b", first.LastEvaluatedTableName);
        var second = await client.ListTablesAsync(new ListTablesRequest { ExclusiveStartTableName = "list-b" });
        Assert.Equal(["list-c"], second.TableNames);

        var deleted = await client.DeleteTableAsync("list-a");
        Assert.Equal(TableStatus.DELETING, deleted.TableDescription.TableStatus);
        Assert.Equal(["list-b", "list-c"], (await client.ListTablesAsync()).TableNames);
    }

    [Fact]
    public async Task Each_account_and_region_has_its_own_tables()
    {
        using var worker = endpoint.Client(DynamoDbEndpoint.Worker, "ap-south-1");
        using var target = endpoint.Client(DynamoDbEndpoint.Target, "ap-south-1");
        using var otherRegion = endpoint.Client(DynamoDbEndpoint.Worker, "ap-northeast-1");
        await DynamoDbEndpoint.CreateTableAsync(worker, "people");
        await worker.PutItemAsync("people", new() { ["pk"] = DynamoDbEndpoint.S("ada") });

        await Assert.ThrowsAsync<ResourceNotFoundException>(() => target.GetItemAsync("people", new() { ["pk"] = DynamoDbEndpoint.S("ada") }));
        await Assert.ThrowsAsync<ResourceNotFoundException>(() => otherRegion.DescribeTableAsync("people"));
        await DynamoDbEndpoint.CreateTableAsync(target, "people");
        Assert.False((await target.GetItemAsync("people", new() { ["pk"] = DynamoDbEndpoint.S("ada") })).IsItemSet);
    }
}
