using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using static LocalCloud.Tests.DynamoDb.DynamoDbEndpoint;

namespace LocalCloud.Tests.DynamoDb;

public sealed class DynamoDbQueryTests(DynamoDbEndpoint endpoint) : IClassFixture<DynamoDbEndpoint>
{
    private static async Task<AmazonDynamoDBClient> EventsTableAsync(DynamoDbEndpoint endpoint, string region)
    {
        var client = endpoint.Client(region: region);
        await CreateTableAsync(client, "events", ScalarAttributeType.N, new GlobalSecondaryIndex
        {
            IndexName = "by-kind",
            KeySchema = [new KeySchemaElement("kind", KeyType.HASH), new KeySchemaElement("at", KeyType.RANGE)],
            Projection = new Projection { ProjectionType = ProjectionType.ALL },
        });
        for (var i = 1; i <= 20; i++)
        {
            await client.PutItemAsync("events", new()
            {
                ["pk"] = S(i <= 15 ? "user-1" : "user-2"), ["sk"] = N(i.ToString()),
                ["kind"] = S(i % 2 == 0 ? "even" : "odd"), ["at"] = S($"2026-01-{i:00}"), ["n"] = N(i.ToString()),
            });
        }
        return client;
    }

    [Fact]
    public async Task Query_between_returns_the_sort_range_in_order_and_reversed()
    {
        using var client = await EventsTableAsync(endpoint, "eu-west-1");
        var request = new QueryRequest
        {
            TableName = "events",
            KeyConditionExpression = "pk = :p AND sk BETWEEN :lo AND :hi",
            ExpressionAttributeValues = new() { [":p"] = S("user-1"), [":lo"] = N("3"), [":hi"] = N("11") },
        };
        var forward = await client.QueryAsync(request);
        Assert.Equal(Enumerable.Range(3, 9).Select(i => i.ToString()), forward.Items.Select(i => i["sk"].N));

        request.ScanIndexForward = false;
        var backward = await client.QueryAsync(request);
        Assert.Equal(Enumerable.Range(3, 9).Reverse().Select(i => i.ToString()), backward.Items.Select(i => i["sk"].N));
    }

    [Fact]
    public async Task Query_pages_with_limit_and_exclusive_start_key_and_filters_after_reading()
    {
        using var client = await EventsTableAsync(endpoint, "eu-west-2");
        var seen = new List<string>();
        var pages = 0;
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var page = await client.QueryAsync(new QueryRequest
            {
                TableName = "events",
                KeyConditionExpression = "pk = :p AND sk > :zero",
                FilterExpression = "kind = :odd",
                ExpressionAttributeValues = new() { [":p"] = S("user-1"), [":zero"] = N("0"), [":odd"] = S("odd") },
                Limit = 4,
                ExclusiveStartKey = start,
            });
            pages++;
            Assert.Equal(page.LastEvaluatedKey is { Count: > 0 } ? 4 : page.ScannedCount, page.ScannedCount);
            seen.AddRange(page.Items.Select(i => i["sk"].N));
            start = page.LastEvaluatedKey is { Count: > 0 } key ? key : null;
        }
        while (start is not null);
        Assert.Equal(4, pages);
        Assert.Equal(["1", "3", "5", "7", "9", "11", "13", "15"], seen);
    }

    [Fact]
    public async Task Query_on_a_global_secondary_index_uses_its_keys_and_begins_with()
    {
        using var client = await EventsTableAsync(endpoint, "eu-west-3");
        var response = await client.QueryAsync(new QueryRequest
        {
            TableName = "events",
            IndexName = "by-kind",
            KeyConditionExpression = "kind = :k AND begins_with(#at, :month)",
            ExpressionAttributeNames = new() { ["#at"] = "at" },
            ExpressionAttributeValues = new() { [":k"] = S("even"), [":month"] = S("2026-01-1") },
            Limit = 3,
        });
        Assert.Equal(["2026-01-10", "2026-01-12", "2026-01-14"], response.Items.Select(i => i["at"].S));
        Assert.Equal(["at", "kind", "pk", "sk"], response.LastEvaluatedKey.Keys.Order());
        var rest = await client.QueryAsync(new QueryRequest
        {
            TableName = "events", IndexName = "by-kind",
            KeyConditionExpression = "kind = :k AND begins_with(#at, :month)",
            ExpressionAttributeNames = new() { ["#at"] = "at" },
            ExpressionAttributeValues = new() { [":k"] = S("even"), [":month"] = S("2026-01-1") },
            ExclusiveStartKey = response.LastEvaluatedKey,
        });
        Assert.Equal(["2026-01-16", "2026-01-18"], rest.Items.Select(i => i["at"].S));
    }

    [Fact]
    public async Task Key_conditions_outside_what_dynamodb_allows_are_refused()
    {
        using var client = await EventsTableAsync(endpoint, "sa-east-1");
        var missing = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => client.QueryAsync(new QueryRequest
        {
            TableName = "events", KeyConditionExpression = "sk = :s", ExpressionAttributeValues = new() { [":s"] = N("1") },
        }));
        Assert.Equal("Query condition missed key schema element: pk", missing.Message);

        var or = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => client.QueryAsync(new QueryRequest
        {
            TableName = "events", KeyConditionExpression = "pk = :p OR sk = :s",
            ExpressionAttributeValues = new() { [":p"] = S("user-1"), [":s"] = N("1") },
        }));
        Assert.Equal("Invalid operator used in KeyConditionExpression: OR", or.Message);

        var filterOnKey = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => client.QueryAsync(new QueryRequest
        {
            TableName = "events", KeyConditionExpression = "pk = :p", FilterExpression = "sk > :s",
            ExpressionAttributeValues = new() { [":p"] = S("user-1"), [":s"] = N("1") },
        }));
        Assert.Equal("Filter Expression can only contain non-primary key attributes: Primary key attribute: sk", filterOnKey.Message);
    }

    [Fact]
    public async Task Scan_stops_each_page_at_1_MB_and_pages_through_every_item()
    {
        using var client = endpoint.Client(region: "ca-central-1");
        await CreateTableAsync(client, "blobs");
        var payload = new string('x', 100 * 1024);
        for (var i = 0; i < 25; i++)
        {
            await client.PutItemAsync("blobs", new() { ["pk"] = S($"blob-{i:00}"), ["data"] = S(payload) });
        }
        var counts = new List<int>();
        var keys = new HashSet<string>();
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var page = await client.ScanAsync(new ScanRequest { TableName = "blobs", ExclusiveStartKey = start });
            counts.Add(page.Count!.Value);
            keys.UnionWith(page.Items.Select(i => i["pk"].S));
            start = page.LastEvaluatedKey is { Count: > 0 } key ? key : null;
        }
        while (start is not null);
        Assert.Equal(25, keys.Count);
        Assert.Equal([11, 11, 3], counts);
    }

    [Fact]
    public async Task Scan_with_select_count_and_a_filter_counts_matches_without_items()
    {
        using var client = await EventsTableAsync(endpoint, "ap-southeast-1");
        var response = await client.ScanAsync(new ScanRequest
        {
            TableName = "events", Select = Select.COUNT, FilterExpression = "n >= :ten AND kind IN (:odd, :none)",
            ExpressionAttributeValues = new() { [":ten"] = N("10"), [":odd"] = S("odd"), [":none"] = S("none") },
        });
        Assert.Equal(5, response.Count);
        Assert.Equal(20, response.ScannedCount);
        Assert.True(response.Items is null || response.Items.Count == 0);
    }

    [Fact]
    public async Task Parallel_scan_segments_together_return_every_item_once()
    {
        using var client = await EventsTableAsync(endpoint, "ap-southeast-2");
        var keys = new List<string>();
        for (var segment = 0; segment < 3; segment++)
        {
            var page = await client.ScanAsync(new ScanRequest { TableName = "events", Segment = segment, TotalSegments = 3 });
            keys.AddRange(page.Items.Select(i => $"{i["pk"].S}/{i["sk"].N}"));
        }
        Assert.Equal(20, keys.Count);
        Assert.Equal(20, keys.Distinct().Count());

        var outside = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => client.ScanAsync(new ScanRequest { TableName = "events", Segment = 3, TotalSegments = 3 }));
        Assert.Equal("The Segment parameter is zero-based and must be less than parameter TotalSegments: Segment: 3 is not less than TotalSegments: 3", outside.Message);
    }

    [Fact]
    public async Task A_keys_only_index_returns_only_key_attributes_and_refuses_all_attributes()
    {
        using var client = endpoint.Client(region: "ap-northeast-2");
        await CreateTableAsync(client, "keys-only", ScalarAttributeType.S, new GlobalSecondaryIndex
        {
            IndexName = "by-email",
            KeySchema = [new KeySchemaElement("email", KeyType.HASH)],
            Projection = new Projection { ProjectionType = ProjectionType.KEYS_ONLY },
        });
        await client.PutItemAsync("keys-only", new() { ["pk"] = S("p1"), ["sk"] = S("s1"), ["email"] = S("a@example.com"), ["secret"] = S("x") });
        await client.PutItemAsync("keys-only", new() { ["pk"] = S("p2"), ["sk"] = S("s2"), ["secret"] = S("not indexed: no email") });

        var found = await client.QueryAsync(new QueryRequest
        {
            TableName = "keys-only", IndexName = "by-email", KeyConditionExpression = "email = :e",
            ExpressionAttributeValues = new() { [":e"] = S("a@example.com") },
        });
        Assert.Equal(["email", "pk", "sk"], Assert.Single(found.Items).Keys.Order());
        Assert.Equal(1, (await client.ScanAsync(new ScanRequest { TableName = "keys-only", IndexName = "by-email" })).Count);

        var all = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => client.QueryAsync(new QueryRequest
        {
            TableName = "keys-only", IndexName = "by-email", KeyConditionExpression = "email = :e", Select = Select.ALL_ATTRIBUTES,
            ExpressionAttributeValues = new() { [":e"] = S("a@example.com") },
        }));
        Assert.Equal("One or more parameter values were invalid: Select type ALL_ATTRIBUTES is not supported for global secondary index by-email because its projection type is not ALL", all.Message);
    }
}
