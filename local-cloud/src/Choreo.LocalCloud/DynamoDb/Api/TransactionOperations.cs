using System.Text.Json.Nodes;
using Choreo.LocalCloud.Accounts;
using Choreo.LocalCloud.DynamoDb.Expressions;
using Choreo.LocalCloud.DynamoDb.Model;
using Choreo.LocalCloud.DynamoDb.Storage;
using Choreo.LocalCloud.Hosting;

namespace Choreo.LocalCloud.DynamoDb.Api;

/// <summary>
/// TransactWriteItems (all or nothing: every condition is checked before anything is written; a failure cancels the
/// whole transaction with one CancellationReason per entry) and TransactGetItems.
/// </summary>
public sealed class TransactionOperations(DynamoDbTables tables)
{
    public const int MaxTransactItems = 100;

    public JsonObject TransactWriteItems(JsonObject body, AccountContext caller)
    {
        var entries = TransactItems(body);
        var region = tables.For(caller);
        var operations = new List<WriteOperation>();
        foreach (var node in entries)
        {
            var entry = node as JsonObject ?? throw DynamoDbErrors.SerializationFailure("TransactItems must be a list of objects");
            var kinds = new (string Name, WriteKind Kind)[]
            {
                ("ConditionCheck", WriteKind.ConditionCheck), ("Put", WriteKind.Put), ("Delete", WriteKind.Delete), ("Update", WriteKind.Update),
            }.Where(kind => entry[kind.Name] is not null).ToList();
            if (kinds.Count != 1)
            {
                throw DynamoDbErrors.Validation("TransactItems can only contain one of Check, Put, Update or Delete");
            }
            var operationBody = entry[kinds[0].Name] as JsonObject ?? throw DynamoDbErrors.SerializationFailure($"{kinds[0].Name} must be an object");
            if (kinds[0].Kind == WriteKind.Update && operationBody["UpdateExpression"] is null)
            {
                throw DynamoDbErrors.Validation(
                    "1 validation error detected: Value null at 'transactItems.1.member.update.updateExpression' failed to satisfy constraint: Member must not be null");
            }
            operations.Add(WriteOperation.Parse(kinds[0].Kind, operationBody, region));
        }
        for (var i = 0; i < operations.Count; i++)
        {
            for (var j = i + 1; j < operations.Count; j++)
            {
                if (BatchOperations.SameItem(operations[i], operations[j]))
                {
                    throw DynamoDbErrors.Validation("Transaction request cannot include multiple operations on one item");
                }
            }
        }

        lock (region.Gate)
        {
            var existing = new List<Dictionary<string, AttributeValue>?>();
            var reasons = new JsonArray();
            var cancelled = false;
            foreach (var operation in operations)
            {
                var (item, passes) = operation.Check(region);
                existing.Add(item);
                if (!passes)
                {
                    cancelled = true;
                    var reason = new JsonObject { ["Code"] = "ConditionalCheckFailed", ["Message"] = "The conditional request failed" };
                    if (operation.ReturnItemOnConditionFailure && item is not null)
                    {
                        reason["Item"] = AttributeValueJson.WriteItem(item);
                    }
                    reasons.Add(reason);
                    continue;
                }
                try
                {
                    operation.Preview(item);
                    reasons.Add(new JsonObject { ["Code"] = "None" });
                }
                catch (AwsServiceException e)
                {
                    cancelled = true;
                    reasons.Add(new JsonObject { ["Code"] = "ValidationError", ["Message"] = e.Message });
                }
            }
            if (cancelled)
            {
                var codes = string.Join(", ", reasons.Select(reason => reason!["Code"]!.GetValue<string>()));
                var failure = DynamoDbErrors.TransactionCanceled($"Transaction cancelled, please refer cancellation reasons for specific reasons [{codes}]");
                throw new AwsServiceException(failure.ErrorCode, failure.Message) { Fields = new JsonObject { ["CancellationReasons"] = reasons } };
            }
            for (var i = 0; i < operations.Count; i++)
            {
                operations[i].Commit(region, existing[i]);
            }
        }
        return [];
    }

    public JsonObject TransactGetItems(JsonObject body, AccountContext caller)
    {
        var entries = TransactItems(body);
        var region = tables.For(caller);
        var gets = new List<(string Table, AttributeValue Partition, AttributeValue? Sort, IReadOnlyList<AttributePath>? Projection)>();
        foreach (var node in entries)
        {
            var get = (node as JsonObject)?["Get"] as JsonObject ?? throw DynamoDbErrors.Validation("TransactItems of TransactGetItems must each contain Get");
            var tableName = RequestFields.Required(get, "TableName");
            TableDefinition definition;
            lock (region.Gate)
            {
                definition = region.Get(tableName).Definition;
            }
            var (partition, sort) = ItemKeys.ReadKey(definition, get["Key"]);
            var attributes = new ExpressionAttributes(get["ExpressionAttributeNames"], null);
            var projection = RequestFields.Optional(get, "ProjectionExpression") is { } text ? ExpressionParser.ParseProjection(text, attributes) : null;
            attributes.EnsureAllUsed(projection is not null);
            gets.Add((tableName, partition, sort, projection));
        }
        var responses = new JsonArray();
        lock (region.Gate)
        {
            foreach (var (table, partition, sort, projection) in gets)
            {
                var response = new JsonObject();
                if (region.Get(table).Find(partition, sort)?.Read() is { } item)
                {
                    response["Item"] = AttributeValueJson.WriteItem(projection is null ? item : DocumentPaths.Project(item, projection));
                }
                responses.Add(response);
            }
        }
        return new JsonObject { ["Responses"] = responses };
    }

    private static JsonArray TransactItems(JsonObject body)
    {
        var entries = RequestFields.Array(body, "TransactItems")
            ?? throw DynamoDbErrors.Validation("1 validation error detected: Value null at 'transactItems' failed to satisfy constraint: Member must not be null");
        if (entries.Count is < 1 or > MaxTransactItems)
        {
            throw DynamoDbErrors.Validation(
                $"1 validation error detected: Value '[...]' at 'transactItems' failed to satisfy constraint: Member must have length {(entries.Count < 1 ? "greater than or equal to 1" : "less than or equal to 100")}");
        }
        return entries;
    }
}
