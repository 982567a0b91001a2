using System.Text.Json.Nodes;
using Choreo.LocalCloud.Accounts;
using Choreo.LocalCloud.DynamoDb.Expressions;
using Choreo.LocalCloud.DynamoDb.Model;
using Choreo.LocalCloud.DynamoDb.Storage;

namespace Choreo.LocalCloud.DynamoDb.Api;

/// <summary>
/// BatchGetItem (up to 100 keys, answers at most 16 MB and returns the rest as UnprocessedKeys) and BatchWriteItem
/// (up to 25 puts and deletes). local-cloud never throttles, so UnprocessedItems is always empty.
/// </summary>
public sealed class BatchOperations(DynamoDbTables tables)
{
    public const int MaxGetKeys = 100;
    public const int MaxWrites = 25;
    public const int MaxResponseBytes = 16 * 1024 * 1024;

    public JsonObject BatchGetItem(JsonObject body, AccountContext caller)
    {
        var requests = RequestItems(body);
        var region = tables.For(caller);
        var plans = new List<(string Table, TableDefinition Definition, List<(AttributeValue Partition, AttributeValue? Sort, JsonNode Key)> Keys, IReadOnlyList<AttributePath>? Projection, JsonObject Request)>();
        var total = 0;
        foreach (var (tableName, node) in requests)
        {
            var request = node as JsonObject ?? throw DynamoDbErrors.SerializationFailure("RequestItems values must be objects");
            RequestFields.RefuseLegacy(request, ("AttributesToGet", "ProjectionExpression"));
            TableDefinition definition;
            lock (region.Gate)
            {
                definition = region.Get(tableName).Definition;
            }
            var keys = new List<(AttributeValue, AttributeValue?, JsonNode)>();
            foreach (var keyNode in RequestFields.Array(request, "Keys") ?? [])
            {
                var (partition, sort) = ItemKeys.ReadKey(definition, keyNode);
                if (keys.Any(existing => existing.Item1.Equals(partition) && Equals(existing.Item2, sort)))
                {
                    throw DynamoDbErrors.Validation("Provided list of item keys contains duplicates");
                }
                keys.Add((partition, sort, keyNode!));
            }
            total += keys.Count;
            var attributes = new ExpressionAttributes(request["ExpressionAttributeNames"], null);
            var projection = RequestFields.Optional(request, "ProjectionExpression") is { } text ? ExpressionParser.ParseProjection(text, attributes) : null;
            attributes.EnsureAllUsed(projection is not null);
            plans.Add((tableName, definition, keys, projection, request));
        }
        if (total > MaxGetKeys)
        {
            throw DynamoDbErrors.Validation("Too many items requested for the BatchGetItem call");
        }

        var responses = new JsonObject();
        var unprocessed = new JsonObject();
        var bytes = 0L;
        foreach (var plan in plans)
        {
            var found = new JsonArray();
            var left = new JsonArray();
            foreach (var (partition, sort, keyNode) in plan.Keys)
            {
                if (bytes >= MaxResponseBytes)
                {
                    left.Add(keyNode.DeepClone());
                    continue;
                }
                StoredItem? stored;
                lock (region.Gate)
                {
                    stored = region.Get(plan.Table).Find(partition, sort);
                }
                if (stored is null)
                {
                    continue;
                }
                bytes += stored.Size;
                var item = stored.Read();
                found.Add(AttributeValueJson.WriteItem(plan.Projection is null ? item : DocumentPaths.Project(item, plan.Projection)));
            }
            responses[plan.Table] = found;
            if (left.Count > 0)
            {
                var rest = (JsonObject)plan.Request.DeepClone();
                rest["Keys"] = left;
                unprocessed[plan.Table] = rest;
            }
        }
        return new JsonObject { ["Responses"] = responses, ["UnprocessedKeys"] = unprocessed };
    }

    public JsonObject BatchWriteItem(JsonObject body, AccountContext caller)
    {
        var requests = RequestItems(body);
        var region = tables.For(caller);
        var writes = new List<WriteOperation>();
        foreach (var (tableName, node) in requests)
        {
            var entries = node as JsonArray ?? throw DynamoDbErrors.SerializationFailure("RequestItems values must be lists of write requests");
            if (entries.Count is < 1 or > MaxWrites)
            {
                throw DynamoDbErrors.Validation(
                    "1 validation error detected: Value at 'requestItems' failed to satisfy constraint: Map value must satisfy constraint: [Member must have length less than or equal to 25, Member must have length greater than or equal to 1]");
            }
            foreach (var entry in entries)
            {
                var request = entry as JsonObject ?? throw DynamoDbErrors.SerializationFailure("a write request must be an object");
                var put = RequestFields.Object(request, "PutRequest");
                var delete = RequestFields.Object(request, "DeleteRequest");
                if ((put is null) == (delete is null))
                {
                    throw DynamoDbErrors.Validation("Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes");
                }
                var operationBody = new JsonObject { ["TableName"] = tableName };
                if (put is not null)
                {
                    RequireKeyAttributes(region, tableName, put["Item"]);
                    operationBody["Item"] = put["Item"]?.DeepClone();
                }
                else
                {
                    operationBody["Key"] = delete!["Key"]?.DeepClone();
                }
                writes.Add(WriteOperation.Parse(put is not null ? WriteKind.Put : WriteKind.Delete, operationBody, region));
            }
        }
        if (writes.Count > MaxWrites)
        {
            throw DynamoDbErrors.Validation("Too many items requested for the BatchWriteItem call");
        }
        for (var i = 0; i < writes.Count; i++)
        {
            for (var j = i + 1; j < writes.Count; j++)
            {
                if (SameItem(writes[i], writes[j]))
                {
                    throw DynamoDbErrors.Validation("Provided list of item keys contains duplicates");
                }
            }
        }
        lock (region.Gate)
        {
            foreach (var write in writes)
            {
                write.Commit(region, null);
            }
        }
        return new JsonObject { ["UnprocessedItems"] = new JsonObject() };
    }

    // A put request whose item lacks a key attribute is refused as a key mismatch, as DynamoDB answers BatchWriteItem.
    private static void RequireKeyAttributes(RegionTables region, string tableName, JsonNode? item)
    {
        KeySchema key;
        lock (region.Gate)
        {
            key = region.Get(tableName).Definition.Key;
        }
        if (item is JsonObject attributes && key.Attributes.Any(attribute => attributes[attribute.Name] is null))
        {
            throw DynamoDbErrors.KeySchemaMismatch();
        }
    }

    public static bool SameItem(WriteOperation a, WriteOperation b) =>
        a.TableName == b.TableName && a.Partition.Equals(b.Partition) && Equals(a.Sort, b.Sort);

    private static JsonObject RequestItems(JsonObject body)
    {
        var requests = RequestFields.Object(body, "RequestItems")
            ?? throw DynamoDbErrors.Validation("1 validation error detected: Value null at 'requestItems' failed to satisfy constraint: Member must not be null");
        if (requests.Count == 0)
        {
            throw DynamoDbErrors.Validation(
                "1 validation error detected: Value '{}' at 'requestItems' failed to satisfy constraint: Member must have length greater than or equal to 1");
        }
        return requests;
    }
}
