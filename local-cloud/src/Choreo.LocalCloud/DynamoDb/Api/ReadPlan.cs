using System.Text;
using System.Text.Json.Nodes;
using Choreo.LocalCloud.DynamoDb.Expressions;
using Choreo.LocalCloud.DynamoDb.Model;
using Choreo.LocalCloud.DynamoDb.Storage;

namespace Choreo.LocalCloud.DynamoDb.Api;

/// <summary>The parts Query and Scan share: table or index, filter, projection, Select, Limit and the starting key.</summary>
public sealed class ReadPlan
{
    private ReadPlan(string tableName, TableDefinition table, SecondaryIndex? index, ExpressionAttributes attributes)
    {
        TableName = tableName;
        Table = table;
        Index = index;
        Attributes = attributes;
    }

    public string TableName { get; }
    public TableDefinition Table { get; }
    public SecondaryIndex? Index { get; }
    public ExpressionAttributes Attributes { get; }
    public KeySchema Key => Index?.Key ?? Table.Key;
    public Condition? Filter { get; private set; }
    public IReadOnlyList<AttributePath>? Projection { get; private set; }
    public string Select { get; private set; } = "ALL_ATTRIBUTES";
    public int? Limit { get; private set; }

    /// <summary>A probe just after ExclusiveStartKey (forward reading) and one just before it (backward).</summary>
    public KeyedEntry? StartAfter { get; private set; }
    public KeyedEntry? StartBefore { get; private set; }

    public static ReadPlan Parse(JsonObject body, RegionTables region, bool isQuery)
    {
        var tableName = RequestFields.Required(body, "TableName");
        TableDefinition table;
        lock (region.Gate)
        {
            table = region.Get(tableName).Definition;
        }
        SecondaryIndex? index = null;
        if (RequestFields.Optional(body, "IndexName") is { } indexName)
        {
            index = table.FindIndex(indexName) ?? throw DynamoDbErrors.Validation($"The table does not have the specified index: {indexName}");
            if (RequestFields.Boolean(body, "ConsistentRead") == true)
            {
                throw DynamoDbErrors.Validation("Consistent reads are not supported on global secondary indexes");
            }
        }
        var plan = new ReadPlan(tableName, table, index, new ExpressionAttributes(body["ExpressionAttributeNames"], body["ExpressionAttributeValues"]));
        plan.Limit = RequestFields.Integer(body, "Limit");
        if (plan.Limit is < 1)
        {
            throw DynamoDbErrors.Validation(
                $"1 validation error detected: Value '{plan.Limit}' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1");
        }
        if (RequestFields.Optional(body, "ProjectionExpression") is { } projection)
        {
            plan.Projection = ExpressionParser.ParseProjection(projection, plan.Attributes);
        }
        if (RequestFields.Optional(body, "FilterExpression") is { } filter)
        {
            plan.Filter = ExpressionParser.ParseCondition(filter, plan.Attributes, "FilterExpression");
        }
        plan.Select = RequestFields.Optional(body, "Select") ?? (plan.Projection is not null ? "SPECIFIC_ATTRIBUTES" : index is null ? "ALL_ATTRIBUTES" : "ALL_PROJECTED_ATTRIBUTES");
        switch (plan.Select)
        {
            case "ALL_ATTRIBUTES" or "ALL_PROJECTED_ATTRIBUTES" or "COUNT" when plan.Projection is not null:
                throw DynamoDbErrors.Validation($"Cannot specify the ProjectionExpression when choosing to get {plan.Select}");
            case "SPECIFIC_ATTRIBUTES" when plan.Projection is null:
                throw DynamoDbErrors.Validation("Must specify the ProjectionExpression when choosing to get SPECIFIC_ATTRIBUTES");
            case "ALL_PROJECTED_ATTRIBUTES" when index is null:
                throw DynamoDbErrors.Validation("ALL_PROJECTED_ATTRIBUTES can be used only when Querying using an IndexName");
            case "ALL_ATTRIBUTES" when index is { ProjectionType: not "ALL" }:
                throw DynamoDbErrors.InvalidParameters(
                    $"Select type ALL_ATTRIBUTES is not supported for global secondary index {index.Name} because its projection type is not ALL");
            case "ALL_ATTRIBUTES" or "ALL_PROJECTED_ATTRIBUTES" or "COUNT" or "SPECIFIC_ATTRIBUTES":
                break;
            default:
                throw DynamoDbErrors.Validation(
                    $"1 validation error detected: Value '{plan.Select}' at 'select' failed to satisfy constraint: Member must satisfy enum value set: [SPECIFIC_ATTRIBUTES, COUNT, ALL_ATTRIBUTES, ALL_PROJECTED_ATTRIBUTES]");
        }
        if (body["ExclusiveStartKey"] is { } startNode)
        {
            plan.ReadStartKey(AttributeValueJson.ReadItem(startNode, "ExclusiveStartKey"));
        }
        return plan;
    }

    /// <summary>Refuses unused placeholders and, for Query, filters on key attributes.</summary>
    public void Finish(JsonObject body, bool keyCondition)
    {
        Attributes.EnsureAllUsed(keyCondition || Filter is not null || Projection is not null);
        if (keyCondition && Filter is not null && FirstKeyPath(Filter) is { } keyName)
        {
            throw DynamoDbErrors.Validation($"Filter Expression can only contain non-primary key attributes: Primary key attribute: {keyName}");
        }
    }

    public JsonObject Run(RegionTables region, KeyedEntry low, KeyedEntry high, bool forward, KeyCondition? prefix, (int Segment, int Total)? segment)
    {
        var scanned = new List<KeyedEntry>();
        var more = false;
        lock (region.Gate)
        {
            var data = region.Get(TableName);
            var bytes = 0L;
            var matchedPrefix = false;
            foreach (var entry in data.Range(Index?.Name, low, high, forward))
            {
                if (prefix is not null && !prefix.Matches(entry.SortKey))
                {
                    if (forward || matchedPrefix)
                    {
                        break;
                    }
                    continue;
                }
                matchedPrefix = true;
                if (segment is { } part && SegmentOf(entry.PartitionKey!, part.Total) != part.Segment)
                {
                    continue;
                }
                if (scanned.Count == Limit || bytes >= ReadOperations.MaxPageBytes)
                {
                    more = true;
                    break;
                }
                scanned.Add(entry);
                bytes += TableData.ItemOf(entry).Size;
            }
            // DynamoDB answers a LastEvaluatedKey whenever the Limit stopped the page, even if nothing follows.
            more |= scanned.Count == Limit;
        }

        var items = new JsonArray();
        var count = 0;
        foreach (var entry in scanned)
        {
            var item = TableData.ItemOf(entry).Read();
            if (Index is not null && Index.ProjectionType != "ALL")
            {
                item = item.Where(pair => Table.Key.IsKeyAttribute(pair.Key) || Index.Key.IsKeyAttribute(pair.Key) || Index.NonKeyAttributes.Contains(pair.Key))
                    .ToDictionary(StringComparer.Ordinal);
            }
            if (Filter is not null && !ConditionEvaluator.Evaluate(Filter, item))
            {
                continue;
            }
            count++;
            if (Select != "COUNT")
            {
                items.Add(AttributeValueJson.WriteItem(Projection is null ? item : DocumentPaths.Project(item, Projection)));
            }
        }
        var response = new JsonObject();
        if (Select != "COUNT")
        {
            response["Items"] = items;
        }
        response["Count"] = count;
        response["ScannedCount"] = scanned.Count;
        if (more && scanned.Count > 0)
        {
            response["LastEvaluatedKey"] = AttributeValueJson.WriteItem(KeyOf(scanned[^1]));
        }
        return response;
    }

    private Dictionary<string, AttributeValue> KeyOf(KeyedEntry entry)
    {
        var item = TableData.ItemOf(entry);
        var key = new Dictionary<string, AttributeValue>(StringComparer.Ordinal) { [Table.Key.Partition.Name] = item.PartitionKey! };
        if (Table.Key.Sort is { } sort)
        {
            key[sort.Name] = item.SortKey!;
        }
        if (Index is not null)
        {
            key[Index.Key.Partition.Name] = entry.PartitionKey!;
            if (Index.Key.Sort is { } indexSort)
            {
                key[indexSort.Name] = entry.SortKey!;
            }
        }
        return key;
    }

    private void ReadStartKey(Dictionary<string, AttributeValue> start)
    {
        var expected = Table.Key.Attributes.Concat(Index?.Key.Attributes ?? []).Select(attribute => attribute.Name).ToHashSet();
        if (start.Count != expected.Count || !start.Keys.All(expected.Contains))
        {
            throw DynamoDbErrors.Validation("The provided starting key is invalid: The provided key element does not match the schema");
        }
        var tableKey = ItemKeys.KeyOf(Table.Key, start.Where(pair => Table.Key.IsKeyAttribute(pair.Key)).ToDictionary(StringComparer.Ordinal));
        if (Index is null)
        {
            StartAfter = StoredItem.Probe(tableKey.Partition, tableKey.Sort, 1);
            StartBefore = StoredItem.Probe(tableKey.Partition, tableKey.Sort, -1);
            return;
        }
        var indexPartition = start[Index.Key.Partition.Name];
        var indexSort = Index.Key.Sort is { } sort ? start[sort.Name] : null;
        if (indexPartition.Type != Index.Key.Partition.Type || (Index.Key.Sort is not null && indexSort?.Type != Index.Key.Sort.Type))
        {
            throw DynamoDbErrors.Validation("The provided starting key is invalid: The provided key element does not match the schema");
        }
        StartAfter = new IndexEntry(indexPartition, indexSort, StoredItem.Probe(tableKey.Partition, tableKey.Sort, 1));
        StartBefore = new IndexEntry(indexPartition, indexSort, StoredItem.Probe(tableKey.Partition, tableKey.Sort, -1));
    }

    private string? FirstKeyPath(Condition condition) => condition switch
    {
        AndCondition and => FirstKeyPath(and.Left) ?? FirstKeyPath(and.Right),
        OrCondition or => FirstKeyPath(or.Left) ?? FirstKeyPath(or.Right),
        NotCondition not => FirstKeyPath(not.Inner),
        ComparisonCondition comparison => KeyPath(comparison.Left) ?? KeyPath(comparison.Right),
        BetweenCondition between => KeyPath(between.Value) ?? KeyPath(between.Low) ?? KeyPath(between.High),
        InCondition @in => KeyPath(@in.Value) ?? @in.Candidates.Select(KeyPath).FirstOrDefault(name => name is not null),
        FunctionCondition function => function.Arguments.Select(KeyPath).FirstOrDefault(name => name is not null),
        _ => null,
    };

    private string? KeyPath(Operand operand) => operand switch
    {
        PathOperand path when Key.IsKeyAttribute(path.Path.TopName) => path.Path.TopName,
        SizeOperand size when Key.IsKeyAttribute(size.Path.TopName) => size.Path.TopName,
        _ => null,
    };

    /// <summary>Which parallel-scan segment a partition belongs to: a stable hash of its key value.</summary>
    private static int SegmentOf(AttributeValue partition, int total)
    {
        var text = partition.Type switch
        {
            AttributeType.S => Encoding.UTF8.GetBytes(partition.AsString),
            AttributeType.N => Encoding.UTF8.GetBytes(partition.AsNumber.ToString()),
            _ => partition.AsBinary,
        };
        var hash = 2166136261u;
        foreach (var b in text)
        {
            hash = (hash ^ b) * 16777619u;
        }
        return (int)(hash % (uint)total);
    }
}
