using System.Text.Json.Nodes;
using Choreo.LocalCloud.Accounts;
using Choreo.LocalCloud.DynamoDb.Expressions;
using Choreo.LocalCloud.DynamoDb.Model;
using Choreo.LocalCloud.DynamoDb.Storage;

namespace Choreo.LocalCloud.DynamoDb.Api;

/// <summary>PutItem, GetItem, UpdateItem and DeleteItem, with conditions and ReturnValues.</summary>
public sealed class ItemOperations(DynamoDbTables tables)
{
    public JsonObject PutItem(JsonObject body, AccountContext caller)
    {
        var returnValues = ReturnValues(body, "NONE", "ALL_OLD");
        return Write(WriteKind.Put, body, caller, returnValues);
    }

    public JsonObject DeleteItem(JsonObject body, AccountContext caller)
    {
        var returnValues = ReturnValues(body, "NONE", "ALL_OLD");
        return Write(WriteKind.Delete, body, caller, returnValues);
    }

    public JsonObject UpdateItem(JsonObject body, AccountContext caller)
    {
        var returnValues = ReturnValues(body, "NONE", "ALL_OLD", "UPDATED_OLD", "ALL_NEW", "UPDATED_NEW");
        return Write(WriteKind.Update, body, caller, returnValues);
    }

    public JsonObject GetItem(JsonObject body, AccountContext caller)
    {
        RequestFields.RefuseLegacy(body, ("AttributesToGet", "ProjectionExpression"));
        var region = tables.For(caller);
        var tableName = RequestFields.Required(body, "TableName");
        TableDefinition table;
        lock (region.Gate)
        {
            table = region.Get(tableName).Definition;
        }
        var (partition, sort) = ItemKeys.ReadKey(table, body["Key"]);
        var attributes = new ExpressionAttributes(body["ExpressionAttributeNames"], body["ExpressionAttributeValues"]);
        var projectionText = RequestFields.Optional(body, "ProjectionExpression");
        var projection = projectionText is null ? null : ExpressionParser.ParseProjection(projectionText, attributes);
        attributes.EnsureAllUsed(projection is not null);
        StoredItem? stored;
        lock (region.Gate)
        {
            stored = region.Get(tableName).Find(partition, sort);
        }
        var response = new JsonObject();
        if (stored is not null)
        {
            var item = stored.Read();
            response["Item"] = AttributeValueJson.WriteItem(projection is null ? item : DocumentPaths.Project(item, projection));
        }
        return response;
    }

    private JsonObject Write(WriteKind kind, JsonObject body, AccountContext caller, string returnValues)
    {
        var region = tables.For(caller);
        var operation = WriteOperation.Parse(kind, body, region);
        Dictionary<string, AttributeValue>? before;
        Dictionary<string, AttributeValue>? after;
        lock (region.Gate)
        {
            (before, var passes) = operation.Check(region);
            if (!passes)
            {
                throw operation.ConditionFailed(before);
            }
            after = operation.Commit(region, before);
        }
        var returned = returnValues switch
        {
            "ALL_OLD" => before,
            "ALL_NEW" => after,
            "UPDATED_OLD" => before is null ? null : DocumentPaths.Project(before, operation.Actions.Select(action => action.Path).ToList()),
            "UPDATED_NEW" => after is null ? null : DocumentPaths.Project(after, operation.Actions.Where(a => a.Kind != UpdateActionKind.Remove).Select(action => action.Path).ToList()),
            _ => null,
        };
        var response = new JsonObject();
        if (returned is { Count: > 0 })
        {
            response["Attributes"] = AttributeValueJson.WriteItem(returned);
        }
        return response;
    }

    private static string ReturnValues(JsonObject body, params string[] allowed)
    {
        var value = RequestFields.Optional(body, "ReturnValues") ?? "NONE";
        if (allowed.Contains(value))
        {
            return value;
        }
        var all = new[] { "NONE", "ALL_OLD", "UPDATED_OLD", "ALL_NEW", "UPDATED_NEW" };
        if (!all.Contains(value))
        {
            throw DynamoDbErrors.Validation(
                $"1 validation error detected: Value '{value}' at 'returnValues' failed to satisfy constraint: Member must satisfy enum value set: [ALL_NEW, UPDATED_OLD, ALL_OLD, NONE, UPDATED_NEW]");
        }
        throw DynamoDbErrors.Validation("Return values set to invalid value");
    }
}
