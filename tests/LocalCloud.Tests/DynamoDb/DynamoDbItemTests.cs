using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using static LocalCloud.Tests.DynamoDb.DynamoDbEndpoint;

namespace LocalCloud.Tests.DynamoDb;

public sealed class DynamoDbItemTests(DynamoDbEndpoint endpoint) : IClassFixture<DynamoDbEndpoint>, IAsyncLifetime
{
    private readonly AmazonDynamoDBClient _client = endpoint.Client(region: "us-west-2");

    public Task InitializeAsync() => _client.ListTablesAsync().ContinueWith(async listed =>
    {
        if (!(await listed).TableNames.Contains("items"))
        {
            await CreateTableAsync(_client, "items", ScalarAttributeType.S);
        }
    }).Unwrap();

    public Task DisposeAsync()
    {
        _client.Dispose();
        return Task.CompletedTask;
    }

    private static Dictionary<string, AttributeValue> Key(string pk, string sk = "1") => new() { ["pk"] = S(pk), ["sk"] = S(sk) };

    [Fact]
    public async Task A_put_item_reads_back_with_every_type_and_numbers_normalized()
    {
        var item = Key("types");
        item["s"] = S("text");
        item["n"] = N("01.50");
        item["b"] = new AttributeValue { B = new MemoryStream([1, 2, 3]) };
        item["bool"] = new AttributeValue { BOOL = true };
        item["null"] = new AttributeValue { NULL = true };
        item["m"] = new AttributeValue { M = new() { ["inner"] = N("1E+2") } };
        item["l"] = new AttributeValue { L = [S("a"), N("2")] };
        item["ss"] = new AttributeValue { SS = ["x", "y"] };
        item["ns"] = new AttributeValue { NS = ["1", "2.0"] };
        await _client.PutItemAsync("items", item);

        var read = (await _client.GetItemAsync("items", Key("types"))).Item;
        Assert.Equal("text", read["s"].S);
        Assert.Equal("1.5", read["n"].N);
        Assert.Equal([1, 2, 3], read["b"].B.ToArray());
        Assert.True(read["bool"].BOOL);
        Assert.True(read["null"].NULL);
        Assert.Equal("100", read["m"].M["inner"].N);
        Assert.Equal("a", read["l"].L[0].S);
        Assert.Equal(["x", "y"], read["ss"].SS);
        Assert.Equal(["1", "2"], read["ns"].NS);
    }

    [Fact]
    public async Task A_condition_that_fails_raises_conditional_check_failed_and_can_return_the_item()
    {
        await _client.PutItemAsync("items", new Dictionary<string, AttributeValue>(Key("cond")) { ["v"] = N("1") });
        var error = await Assert.ThrowsAsync<ConditionalCheckFailedException>(() => _client.PutItemAsync(new PutItemRequest
        {
            TableName = "items",
            Item = Key("cond"),
            ConditionExpression = "attribute_not_exists(pk)",
            ReturnValuesOnConditionCheckFailure = ReturnValuesOnConditionCheckFailure.ALL_OLD,
        }));
        Assert.Equal("The conditional request failed", error.Message);
        Assert.Equal("1", error.Item["v"].N);

        await _client.PutItemAsync(new PutItemRequest
        {
            TableName = "items", Item = Key("cond-new"), ConditionExpression = "attribute_not_exists(pk)",
        });
        Assert.True((await _client.GetItemAsync("items", Key("cond-new"))).IsItemSet);
    }

    [Fact]
    public async Task Update_expressions_set_add_remove_and_delete_and_return_what_changed()
    {
        var item = Key("upd");
        item["count"] = N("5");
        item["tags"] = new AttributeValue { SS = ["a", "b", "c"] };
        item["gone"] = S("x");
        item["list"] = new AttributeValue { L = [S("first")] };
        await _client.PutItemAsync("items", item);

        var updated = await _client.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = "items",
            Key = Key("upd"),
            UpdateExpression = "SET #c = #c + :one, #l = list_append(#l, :more), created = if_not_exists(created, :now) REMOVE gone ADD visits :one DELETE tags :drop",
            ConditionExpression = "#c > :one AND contains(tags, :a) AND size(#l) = :one",
            ExpressionAttributeNames = new() { ["#c"] = "count", ["#l"] = "list" },
            ExpressionAttributeValues = new()
            {
                [":one"] = N("1"), [":more"] = new AttributeValue { L = [S("second")] }, [":now"] = S("today"),
                [":drop"] = new AttributeValue { SS = ["a", "c"] }, [":a"] = S("a"),
            },
            ReturnValues = ReturnValue.ALL_NEW,
        });
        var after = updated.Attributes;
        Assert.Equal("6", after["count"].N);
        Assert.Equal(["first", "second"], after["list"].L.Select(v => v.S));
        Assert.Equal("today", after["created"].S);
        Assert.Equal("1", after["visits"].N);
        Assert.Equal(["b"], after["tags"].SS);
        Assert.False(after.ContainsKey("gone"));

        var old = await _client.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = "items", Key = Key("upd"), UpdateExpression = "SET visits = visits + :two",
            ExpressionAttributeValues = new() { [":two"] = N("2") }, ReturnValues = ReturnValue.UPDATED_OLD,
        });
        Assert.Equal(["visits"], old.Attributes.Keys);
        Assert.Equal("1", old.Attributes["visits"].N);
    }

    [Fact]
    public async Task Updating_a_missing_item_creates_it_and_key_attributes_cannot_be_updated()
    {
        await _client.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = "items", Key = Key("created-by-update"), UpdateExpression = "SET v = :v",
            ExpressionAttributeValues = new() { [":v"] = S("x") },
        });
        Assert.Equal("x", (await _client.GetItemAsync("items", Key("created-by-update"))).Item["v"].S);

        var error = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => _client.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = "items", Key = Key("created-by-update"), UpdateExpression = "SET sk = :v",
            ExpressionAttributeValues = new() { [":v"] = S("2") },
        }));
        Assert.Equal("One or more parameter values were invalid: Cannot update attribute sk. This attribute is part of the key", error.Message);
    }

    [Fact]
    public async Task Delete_returns_the_old_item_and_projection_returns_only_named_paths()
    {
        var item = Key("proj");
        item["a"] = S("1");
        item["b"] = new AttributeValue { M = new() { ["c"] = S("2"), ["d"] = S("3") } };
        item["name"] = S("reserved");
        await _client.PutItemAsync("items", item);

        var projected = await _client.GetItemAsync(new GetItemRequest
        {
            TableName = "items", Key = Key("proj"), ProjectionExpression = "a, b.c, #n",
            ExpressionAttributeNames = new() { ["#n"] = "name" },
        });
        Assert.Equal(["a", "b", "name"], projected.Item.Keys.Order());
        Assert.Equal(["c"], projected.Item["b"].M.Keys);

        var deleted = await _client.DeleteItemAsync(new DeleteItemRequest { TableName = "items", Key = Key("proj"), ReturnValues = ReturnValue.ALL_OLD });
        Assert.Equal("1", deleted.Attributes["a"].S);
        Assert.False((await _client.GetItemAsync("items", Key("proj"))).IsItemSet);
    }

    [Fact]
    public async Task Items_over_400_KB_are_refused()
    {
        var item = Key("big");
        item["data"] = S(new string('x', 400 * 1024));
        var error = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => _client.PutItemAsync("items", item));
        Assert.Equal("ValidationException", error.ErrorCode);
        Assert.Equal("Item size has exceeded the maximum allowed size", error.Message);

        item["data"] = S(new string('x', 399 * 1024));
        await _client.PutItemAsync("items", item);
    }

    [Fact]
    public async Task Keys_that_do_not_match_the_schema_are_refused_with_aws_texts()
    {
        var wrongKey = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => _client.GetItemAsync("items", new() { ["pk"] = S("only-hash") }));
        Assert.Equal("The provided key element does not match the schema", wrongKey.Message);

        var missing = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => _client.PutItemAsync("items", new() { ["pk"] = S("x") }));
        Assert.Equal("One or more parameter values were invalid: Missing the key sk in the item", missing.Message);

        var mistyped = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => _client.PutItemAsync("items", new() { ["pk"] = S("x"), ["sk"] = N("1") }));
        Assert.Equal("One or more parameter values were invalid: Type mismatch for key sk expected: S actual: N", mistyped.Message);
    }

    [Fact]
    public async Task Expression_placeholders_must_be_defined_and_used()
    {
        var unused = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => _client.PutItemAsync(new PutItemRequest
        {
            TableName = "items", Item = Key("ph"), ConditionExpression = "attribute_not_exists(pk)",
            ExpressionAttributeValues = new() { [":unused"] = S("x") },
        }));
        Assert.Equal("Value provided in ExpressionAttributeValues unused in expressions: keys: {:unused}", unused.Message);

        var undefined = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => _client.PutItemAsync(new PutItemRequest
        {
            TableName = "items", Item = Key("ph"), ConditionExpression = "#missing = :v",
            ExpressionAttributeValues = new() { [":v"] = S("x") },
        }));
        Assert.Equal("Invalid ConditionExpression: An expression attribute name used in the document path is not defined; attribute name: #missing", undefined.Message);

        var reserved = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => _client.PutItemAsync(new PutItemRequest
        {
            TableName = "items", Item = Key("ph"), ConditionExpression = "attribute_not_exists(status)",
        }));
        Assert.Equal("Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: status", reserved.Message);
    }

    [Fact]
    public async Task Numbers_beyond_dynamodbs_precision_and_range_are_refused()
    {
        var tooPrecise = Key("num");
        tooPrecise["n"] = N("1.000000000000000000000000000000000000001");
        var precision = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => _client.PutItemAsync("items", tooPrecise));
        Assert.Equal("Attempting to store more than 38 significant digits in a Number", precision.Message);

        var tooLarge = Key("num");
        tooLarge["n"] = N("1E+126");
        var overflow = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => _client.PutItemAsync("items", tooLarge));
        Assert.Equal("Number overflow. Attempting to store a number with magnitude larger than supported range", overflow.Message);

        var notANumber = Key("num");
        notANumber["n"] = N("12abc");
        var invalid = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => _client.PutItemAsync("items", notANumber));
        Assert.Equal("A value provided cannot be converted into a number", invalid.Message);
    }
}
