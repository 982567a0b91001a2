using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using static LocalCloud.Tests.DynamoDb.DynamoDbEndpoint;

namespace LocalCloud.Tests.DynamoDb;

public sealed class DynamoDbBatchTests(DynamoDbEndpoint endpoint) : IClassFixture<DynamoDbEndpoint>
{
    private static WriteRequest Put(string pk, string value) =>
        new() { PutRequest = new PutRequest { Item = new() { ["pk"] = S(pk), ["v"] = S(value) } } };

    [Fact]
    public async Task Batch_write_of_25_puts_and_deletes_is_applied_and_nothing_is_unprocessed()
    {
        using var client = endpoint.Client(region: "us-east-2");
        await CreateTableAsync(client, "batch");
        await client.PutItemAsync("batch", new() { ["pk"] = S("old") });
        var writes = Enumerable.Range(0, 24).Select(i => Put($"p{i}", "v")).ToList();
        writes.Add(new WriteRequest { DeleteRequest = new DeleteRequest { Key = new() { ["pk"] = S("old") } } });

        var response = await client.BatchWriteItemAsync(new BatchWriteItemRequest { RequestItems = new() { ["batch"] = writes } });
        Assert.True(response.UnprocessedItems is null || response.UnprocessedItems.Count == 0);
        Assert.Equal(24, (await client.ScanAsync(new ScanRequest("batch"))).Count);
    }

    [Fact]
    public async Task Batch_write_over_25_items_or_with_duplicate_keys_is_refused()
    {
        using var client = endpoint.Client(region: "us-east-2");
        await CreateTableAsync(client, "batch-limits");
        var tooMany = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => client.BatchWriteItemAsync(new BatchWriteItemRequest
        {
            RequestItems = new() { ["batch-limits"] = Enumerable.Range(0, 26).Select(i => Put($"p{i}", "v")).ToList() },
        }));
        Assert.Equal("ValidationException", tooMany.ErrorCode);

        var duplicates = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => client.BatchWriteItemAsync(new BatchWriteItemRequest
        {
            RequestItems = new() { ["batch-limits"] = [Put("same", "1"), Put("same", "2")] },
        }));
        Assert.Equal("Provided list of item keys contains duplicates", duplicates.Message);
    }

    [Fact]
    public async Task Batch_get_reads_up_to_100_keys_across_tables_and_refuses_more()
    {
        using var client = endpoint.Client(region: "us-east-2");
        await CreateTableAsync(client, "get-a");
        await CreateTableAsync(client, "get-b");
        for (var i = 0; i < 4; i++)
        {
            await client.BatchWriteItemAsync(new BatchWriteItemRequest
            {
                RequestItems = new() { ["get-a"] = Enumerable.Range(i * 25, 25).Select(n => Put($"k{n}", $"a{n}")).ToList() },
            });
        }
        await client.PutItemAsync("get-b", new() { ["pk"] = S("only"), ["v"] = S("b") });

        var response = await client.BatchGetItemAsync(new BatchGetItemRequest
        {
            RequestItems = new()
            {
                ["get-a"] = new KeysAndAttributes { Keys = Enumerable.Range(0, 99).Select(n => new Dictionary<string, AttributeValue> { ["pk"] = S($"k{n}") }).ToList() },
                ["get-b"] = new KeysAndAttributes { Keys = [new() { ["pk"] = S("only") }], ProjectionExpression = "v" },
            },
        });
        Assert.Equal(99, response.Responses["get-a"].Count);
        Assert.Equal(["v"], Assert.Single(response.Responses["get-b"]).Keys);

        var tooMany = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => client.BatchGetItemAsync(new BatchGetItemRequest
        {
            RequestItems = new()
            {
                ["get-a"] = new KeysAndAttributes { Keys = Enumerable.Range(0, 101).Select(n => new Dictionary<string, AttributeValue> { ["pk"] = S($"k{n}") }).ToList() },
            },
        }));
        Assert.Equal("Too many items requested for the BatchGetItem call", tooMany.Message);
    }

    [Fact]
    public async Task A_transaction_with_a_failing_condition_writes_nothing_and_names_each_reason()
    {
        using var client = endpoint.Client(region: "us-east-2");
        await CreateTableAsync(client, "accounts");
        await client.PutItemAsync("accounts", new() { ["pk"] = S("alice"), ["balance"] = N("10") });
        await client.PutItemAsync("accounts", new() { ["pk"] = S("bob"), ["balance"] = N("0") });

        TransactWriteItem Transfer(string from, string to, string amount) => new()
        {
            Update = new Update
            {
                TableName = "accounts", Key = new() { ["pk"] = S(from) },
                UpdateExpression = "SET balance = balance - :a", ConditionExpression = "balance >= :a",
                ExpressionAttributeValues = new() { [":a"] = N(amount) },
                ReturnValuesOnConditionCheckFailure = ReturnValuesOnConditionCheckFailure.ALL_OLD,
            },
        };
        var credit = new TransactWriteItem
        {
            Update = new Update
            {
                TableName = "accounts", Key = new() { ["pk"] = S("bob") }, UpdateExpression = "SET balance = balance + :a",
                ExpressionAttributeValues = new() { [":a"] = N("25") },
            },
        };
        var cancelled = await Assert.ThrowsAsync<TransactionCanceledException>(() => client.TransactWriteItemsAsync(new TransactWriteItemsRequest
        {
            TransactItems = [Transfer("alice", "bob", "25"), credit],
        }));
        Assert.Equal("Transaction cancelled, please refer cancellation reasons for specific reasons [ConditionalCheckFailed, None]", cancelled.Message);
        Assert.Equal(["ConditionalCheckFailed", "None"], cancelled.CancellationReasons.Select(r => r.Code));
        Assert.Equal("10", cancelled.CancellationReasons[0].Item["balance"].N);
        Assert.Equal("0", (await client.GetItemAsync("accounts", new() { ["pk"] = S("bob") })).Item["balance"].N);

        credit.Update.ExpressionAttributeValues[":a"] = N("5");
        await client.TransactWriteItemsAsync(new TransactWriteItemsRequest
        {
            TransactItems =
            [
                Transfer("alice", "bob", "5"), credit,
                new TransactWriteItem { Put = new Put { TableName = "accounts", Item = new() { ["pk"] = S("log"), ["entry"] = S("alice->bob 5") } } },
            ],
        });
        Assert.Equal("5", (await client.GetItemAsync("accounts", new() { ["pk"] = S("alice") })).Item["balance"].N);
        Assert.Equal("5", (await client.GetItemAsync("accounts", new() { ["pk"] = S("bob") })).Item["balance"].N);
    }

    [Fact]
    public async Task A_transaction_touching_one_item_twice_is_refused()
    {
        using var client = endpoint.Client(region: "us-east-2");
        await CreateTableAsync(client, "twice-tx");
        var error = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => client.TransactWriteItemsAsync(new TransactWriteItemsRequest
        {
            TransactItems =
            [
                new TransactWriteItem { Put = new Put { TableName = "twice-tx", Item = new() { ["pk"] = S("x") } } },
                new TransactWriteItem { Delete = new Delete { TableName = "twice-tx", Key = new() { ["pk"] = S("x") } } },
            ],
        }));
        Assert.Equal("Transaction request cannot include multiple operations on one item", error.Message);
    }
}
