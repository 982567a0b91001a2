using System.Text.Json.Nodes;
using Choreo.LocalCloud.DynamoDb.Expressions;
using Choreo.LocalCloud.DynamoDb.Model;
using Choreo.LocalCloud.DynamoDb.Storage;

namespace Choreo.LocalCloud.DynamoDb.Api;

/// <summary>
/// One validated single-item write (with its condition), parsed from a PutItem/UpdateItem/DeleteItem request or a
/// TransactWriteItems entry. <see cref="Check"/> and <see cref="Commit"/> run while the region's gate is held.
/// </summary>
public sealed class WriteOperation
{
    private WriteOperation(WriteKind kind, string tableName, TableDefinition table, AttributeValue partition, AttributeValue? sort)
    {
        Kind = kind;
        TableName = tableName;
        Table = table;
        Partition = partition;
        Sort = sort;
    }

    public WriteKind Kind { get; }
    public string TableName { get; }
    public TableDefinition Table { get; }
    public AttributeValue Partition { get; }
    public AttributeValue? Sort { get; }
    public Condition? Condition { get; private init; }
    public IReadOnlyList<UpdateAction> Actions { get; private init; } = [];
    public bool ReturnItemOnConditionFailure { get; private init; }
    private Dictionary<string, AttributeValue>? PutItem { get; init; }
    private int PutSize { get; init; }

    public static WriteOperation Parse(WriteKind kind, JsonObject body, RegionTables region)
    {
        RequestFields.RefuseLegacy(body, ("Expected", "ConditionExpression"), ("ConditionalOperator", "ConditionExpression"),
            ("AttributeUpdates", "UpdateExpression"));
        var tableName = RequestFields.Required(body, "TableName");
        TableDefinition table;
        lock (region.Gate)
        {
            table = region.Get(tableName).Definition;
        }
        var attributes = new ExpressionAttributes(body["ExpressionAttributeNames"], body["ExpressionAttributeValues"]);
        var conditionText = RequestFields.Optional(body, "ConditionExpression");
        var condition = conditionText is null ? null : ExpressionParser.ParseCondition(conditionText, attributes, "ConditionExpression");
        var onFailure = RequestFields.Optional(body, "ReturnValuesOnConditionCheckFailure") ?? "NONE";
        if (onFailure is not ("NONE" or "ALL_OLD"))
        {
            throw DynamoDbErrors.Validation(
                $"1 validation error detected: Value '{onFailure}' at 'returnValuesOnConditionCheckFailure' failed to satisfy constraint: Member must satisfy enum value set: [ALL_OLD, NONE]");
        }

        if (kind == WriteKind.Put)
        {
            var item = AttributeValueJson.ReadItem(body["Item"] ?? throw DynamoDbErrors.Validation(
                "1 validation error detected: Value null at 'item' failed to satisfy constraint: Member must not be null"), "Item");
            var size = ItemKeys.ValidateItem(table, item);
            attributes.EnsureAllUsed(condition is not null);
            return new WriteOperation(kind, tableName, table, item[table.Key.Partition.Name], table.Key.Sort is null ? null : item[table.Key.Sort.Name])
            {
                Condition = condition,
                PutItem = item,
                PutSize = size,
                ReturnItemOnConditionFailure = onFailure == "ALL_OLD",
            };
        }

        var (partition, sort) = ItemKeys.ReadKey(table, body["Key"]);
        IReadOnlyList<UpdateAction> actions = [];
        if (kind == WriteKind.Update && RequestFields.Optional(body, "UpdateExpression") is { } updateText)
        {
            actions = ExpressionParser.ParseUpdate(updateText, attributes);
            foreach (var action in actions.Where(action => table.Key.IsKeyAttribute(action.Path.TopName)))
            {
                throw DynamoDbErrors.InvalidParameters($"Cannot update attribute {action.Path.TopName}. This attribute is part of the key");
            }
        }
        if (kind == WriteKind.ConditionCheck && condition is null)
        {
            throw DynamoDbErrors.Validation(
                "1 validation error detected: Value null at 'transactItems.1.member.conditionCheck.conditionExpression' failed to satisfy constraint: Member must not be null");
        }
        attributes.EnsureAllUsed(condition is not null || actions.Count > 0);
        return new WriteOperation(kind, tableName, table, partition, sort)
        {
            Condition = condition,
            Actions = actions,
            ReturnItemOnConditionFailure = onFailure == "ALL_OLD",
        };
    }

    /// <summary>The item this write targets, as stored now (null: none), and whether its condition holds for it.</summary>
    public (Dictionary<string, AttributeValue>? Existing, bool Passes) Check(RegionTables region)
    {
        var existing = region.Get(TableName).Find(Partition, Sort)?.Read();
        return (existing, Condition is null || ConditionEvaluator.Evaluate(Condition, existing));
    }

    /// <summary>The item after this write (null: deleted or never existed), validated; stores it unless this is a condition check.</summary>
    public Dictionary<string, AttributeValue>? Commit(RegionTables region, Dictionary<string, AttributeValue>? existing)
    {
        var data = region.Get(TableName);
        switch (Kind)
        {
            case WriteKind.Put:
                data.Store(PutItem!, PutSize);
                return PutItem;
            case WriteKind.Update:
                var start = existing ?? KeyItem();
                var updated = UpdateApplier.Apply(start, Actions);
                var size = ItemKeys.ValidateItem(Table, updated, update: true);
                data.Store(updated, size);
                return updated;
            case WriteKind.Delete:
                if (data.Find(Partition, Sort) is { } stored)
                {
                    data.Remove(stored);
                }
                return null;
            default:
                return existing;
        }
    }

    /// <summary>Validates the update against an item without storing it (transactions check every entry before writing any).</summary>
    public void Preview(Dictionary<string, AttributeValue>? existing)
    {
        if (Kind == WriteKind.Update)
        {
            ItemKeys.ValidateItem(Table, UpdateApplier.Apply(existing ?? KeyItem(), Actions), update: true);
        }
    }

    public Hosting.AwsServiceException ConditionFailed(Dictionary<string, AttributeValue>? existing)
    {
        var failure = DynamoDbErrors.ConditionalCheckFailed();
        return ReturnItemOnConditionFailure && existing is not null
            ? new Hosting.AwsServiceException(failure.ErrorCode, failure.Message) { Fields = new JsonObject { ["Item"] = AttributeValueJson.WriteItem(existing) } }
            : failure;
    }

    private Dictionary<string, AttributeValue> KeyItem()
    {
        var item = new Dictionary<string, AttributeValue>(StringComparer.Ordinal) { [Table.Key.Partition.Name] = Partition };
        if (Table.Key.Sort is { } sort)
        {
            item[sort.Name] = Sort!;
        }
        return item;
    }
}
