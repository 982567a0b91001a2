using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Choreo.LocalCloud.Accounts;
using Choreo.LocalCloud.DynamoDb.Model;
using Choreo.LocalCloud.DynamoDb.Storage;
using Choreo.LocalCloud.Time;

namespace Choreo.LocalCloud.DynamoDb.Api;

/// <summary>CreateTable, DescribeTable, DeleteTable and ListTables. Tables are usable as soon as CreateTable answers.</summary>
public sealed partial class TableOperations(DynamoDbTables tables, IClock clock)
{
    private const int MaxGlobalSecondaryIndexes = 20;

    public JsonObject CreateTable(JsonObject body, AccountContext caller)
    {
        var table = new TableData(ReadDefinition(body, caller));
        var region = tables.For(caller);
        lock (region.Gate)
        {
            region.Add(table);
        }
        return new JsonObject { ["TableDescription"] = Describe(table, "CREATING") };
    }

    public JsonObject DescribeTable(JsonObject body, AccountContext caller)
    {
        var name = RequestFields.Required(body, "TableName");
        var region = tables.For(caller);
        lock (region.Gate)
        {
            return new JsonObject { ["Table"] = Describe(region.GetNamed(name), "ACTIVE") };
        }
    }

    public JsonObject DeleteTable(JsonObject body, AccountContext caller)
    {
        var name = RequestFields.Required(body, "TableName");
        var region = tables.For(caller);
        lock (region.Gate)
        {
            var table = region.GetNamed(name);
            if (table.Definition.DeletionProtection)
            {
                throw DynamoDbErrors.Validation(
                    $"Resource cannot be deleted as it is currently protected against deletion. Disable deletion protection first.");
            }
            region.Remove(name);
            return new JsonObject { ["TableDescription"] = Describe(table, "DELETING") };
        }
    }

    public JsonObject ListTables(JsonObject body, AccountContext caller)
    {
        var limit = RequestFields.Integer(body, "Limit") ?? 100;
        if (limit is < 1 or > 100)
        {
            throw DynamoDbErrors.Validation(
                $"1 validation error detected: Value '{limit}' at 'limit' failed to satisfy constraint: Member must have value {(limit < 1 ? "greater than or equal to 1" : "less than or equal to 100")}");
        }
        var start = RequestFields.Optional(body, "ExclusiveStartTableName");
        var region = tables.For(caller);
        IReadOnlyList<string> names;
        lock (region.Gate)
        {
            names = region.Names();
        }
        var after = names.Where(name => start is null || string.CompareOrdinal(name, start) > 0).ToList();
        var page = after.Take(limit).ToList();
        var response = new JsonObject { ["TableNames"] = new JsonArray(page.Select(name => (JsonNode)JsonValue.Create(name)).ToArray()) };
        if (after.Count > limit)
        {
            response["LastEvaluatedTableName"] = page[^1];
        }
        return response;
    }

    /// <summary>
    /// A TableDescription as AWS shapes it for each answer: CreateTable's (CREATING), DescribeTable's (ACTIVE, with
    /// warm throughput) and DeleteTable's (DELETING, without the key schema, attribute definitions and indexes).
    /// </summary>
    public static JsonObject Describe(TableData table, string status)
    {
        var definition = table.Definition;
        if (status == "DELETING")
        {
            return new JsonObject
            {
                ["DeletionProtectionEnabled"] = definition.DeletionProtection,
                ["ItemCount"] = table.ItemCount,
                ["ProvisionedThroughput"] = ThroughputJson(definition.Throughput),
                ["TableArn"] = definition.Arn,
                ["TableId"] = definition.TableId,
                ["TableName"] = definition.Name,
                ["TableSizeBytes"] = table.SizeBytes,
                ["TableStatus"] = status,
            };
        }
        var active = status == "ACTIVE";
        var description = new JsonObject
        {
            ["AttributeDefinitions"] = new JsonArray(definition.AttributeDefinitions
                .Select(attribute => (JsonNode)new JsonObject { ["AttributeName"] = attribute.Name, ["AttributeType"] = attribute.Type.ToString() }).ToArray()),
            ["TableName"] = definition.Name,
            ["KeySchema"] = KeySchemaJson(definition.Key),
            ["TableStatus"] = status,
            ["CreationDateTime"] = definition.CreatedAt.ToUnixTimeMilliseconds() / 1000.0,
            ["ProvisionedThroughput"] = ThroughputJson(definition.Throughput),
            ["TableSizeBytes"] = table.SizeBytes,
            ["ItemCount"] = table.ItemCount,
            ["TableArn"] = definition.Arn,
            ["TableId"] = definition.TableId,
            ["DeletionProtectionEnabled"] = definition.DeletionProtection,
        };
        if (active)
        {
            description["WarmThroughput"] = WarmThroughputJson(definition.BillingMode, definition.Throughput);
        }
        if (definition.BillingMode == TableDefinition.PayPerRequest)
        {
            // CreateTable's answer carries the billing mode alone; DescribeTable adds when it became on-demand.
            var summary = new JsonObject { ["BillingMode"] = TableDefinition.PayPerRequest };
            if (active)
            {
                summary["LastUpdateToPayPerRequestDateTime"] = definition.CreatedAt.ToUnixTimeMilliseconds() / 1000.0;
            }
            description["BillingModeSummary"] = summary;
        }
        if (definition.GlobalSecondaryIndexes.Count > 0)
        {
            description["GlobalSecondaryIndexes"] = new JsonArray(definition.GlobalSecondaryIndexes.Select(index =>
            {
                var projection = new JsonObject { ["ProjectionType"] = index.ProjectionType };
                if (index.ProjectionType == "INCLUDE")
                {
                    projection["NonKeyAttributes"] = new JsonArray(index.NonKeyAttributes.Select(name => (JsonNode)JsonValue.Create(name)).ToArray());
                }
                var (count, size) = table.IndexStatistics(index.Name);
                var described = new JsonObject
                {
                    ["IndexName"] = index.Name,
                    ["KeySchema"] = KeySchemaJson(index.Key),
                    ["Projection"] = projection,
                    ["IndexStatus"] = active ? "ACTIVE" : "CREATING",
                    ["ProvisionedThroughput"] = ThroughputJson(index.Throughput),
                    ["IndexSizeBytes"] = size,
                    ["ItemCount"] = count,
                    ["IndexArn"] = $"{definition.Arn}/index/{index.Name}",
                };
                if (active)
                {
                    described["WarmThroughput"] = WarmThroughputJson(definition.BillingMode, index.Throughput);
                }
                return (JsonNode)described;
            }).ToArray());
        }
        return description;
    }

    private TableDefinition ReadDefinition(JsonObject body, AccountContext caller)
    {
        var name = RequestFields.Required(body, "TableName");
        ValidateTableName(name);
        if (body["LocalSecondaryIndexes"] is JsonArray { Count: > 0 })
        {
            throw DynamoDbErrors.Validation("local-cloud's DynamoDB does not support LocalSecondaryIndexes; use a GlobalSecondaryIndex");
        }
        if (body["StreamSpecification"] is JsonObject stream && RequestFields.Boolean(stream, "StreamEnabled") == true)
        {
            throw DynamoDbErrors.Validation("local-cloud's DynamoDB does not support DynamoDB Streams (StreamSpecification.StreamEnabled)");
        }
        var definitions = ReadAttributeDefinitions(body);
        var key = ReadKeySchema(RequestFields.Array(body, "KeySchema"), definitions, "KeySchema");
        var billingMode = RequestFields.Optional(body, "BillingMode") ?? TableDefinition.Provisioned;
        if (billingMode is not (TableDefinition.Provisioned or TableDefinition.PayPerRequest))
        {
            throw DynamoDbErrors.Validation(
                $"1 validation error detected: Value '{billingMode}' at 'billingMode' failed to satisfy constraint: Member must satisfy enum value set: [PROVISIONED, PAY_PER_REQUEST]");
        }
        var throughput = ReadThroughput(RequestFields.Object(body, "ProvisionedThroughput"), billingMode, null);

        var indexes = new List<SecondaryIndex>();
        foreach (var node in RequestFields.Array(body, "GlobalSecondaryIndexes") ?? [])
        {
            if (node is not JsonObject index)
            {
                throw DynamoDbErrors.SerializationFailure("GlobalSecondaryIndexes must be a list of objects");
            }
            var indexName = RequestFields.Required(index, "IndexName");
            if (indexes.Any(existing => existing.Name == indexName))
            {
                throw DynamoDbErrors.InvalidParameters($"Duplicate index name: {indexName}");
            }
            var indexKey = ReadKeySchema(RequestFields.Array(index, "KeySchema"), definitions, "GlobalSecondaryIndexes");
            var projection = RequestFields.Object(index, "Projection")
                ?? throw DynamoDbErrors.Validation("1 validation error detected: Value null at 'globalSecondaryIndexes.1.member.projection' failed to satisfy constraint: Member must not be null");
            var projectionType = RequestFields.Optional(projection, "ProjectionType") ?? "ALL";
            if (projectionType is not ("ALL" or "KEYS_ONLY" or "INCLUDE"))
            {
                throw DynamoDbErrors.Validation(
                    $"1 validation error detected: Value '{projectionType}' at 'globalSecondaryIndexes.1.member.projection.projectionType' failed to satisfy constraint: Member must satisfy enum value set: [ALL, KEYS_ONLY, INCLUDE]");
            }
            var nonKey = (RequestFields.Array(projection, "NonKeyAttributes") ?? [])
                .Select(n => n is JsonValue value && value.TryGetValue<string>(out var text)
                    ? text
                    : throw DynamoDbErrors.SerializationFailure("NonKeyAttributes must be a list of attribute names"))
                .ToList();
            if (projectionType != "INCLUDE" && nonKey.Count > 0)
            {
                throw DynamoDbErrors.InvalidParameters($"ProjectionType is {projectionType}, but NonKeyAttributes is specified");
            }
            var indexThroughput = ReadThroughput(RequestFields.Object(index, "ProvisionedThroughput"), billingMode, indexName);
            indexes.Add(new SecondaryIndex(indexName, indexKey, projectionType, nonKey, indexThroughput));
        }
        if (indexes.Count > MaxGlobalSecondaryIndexes)
        {
            throw DynamoDbErrors.Validation($"One or more parameter values were invalid: GlobalSecondaryIndex count exceeds the per-table limit of {MaxGlobalSecondaryIndexes}");
        }

        var used = key.Attributes.Concat(indexes.SelectMany(index => index.Key.Attributes)).Select(attribute => attribute.Name).ToHashSet();
        if (used.Count != definitions.Count)
        {
            throw DynamoDbErrors.InvalidParameters(
                "Number of attributes in KeySchema does not exactly match number of attributes defined in AttributeDefinitions");
        }
        var tableId = Guid.NewGuid().ToString();
        var arn = $"arn:aws:dynamodb:{caller.Region}:{caller.AccountId}:table/{name}";
        return new TableDefinition(name, arn, tableId, key, definitions, billingMode, throughput, indexes, clock.UtcNow)
        {
            DeletionProtection = RequestFields.Boolean(body, "DeletionProtectionEnabled") ?? false,
        };
    }

    private static List<KeyAttribute> ReadAttributeDefinitions(JsonObject body)
    {
        var definitions = new List<KeyAttribute>();
        foreach (var node in RequestFields.Array(body, "AttributeDefinitions")
            ?? throw DynamoDbErrors.Validation("1 validation error detected: Value null at 'attributeDefinitions' failed to satisfy constraint: Member must not be null"))
        {
            var definition = node as JsonObject ?? throw DynamoDbErrors.SerializationFailure("AttributeDefinitions must be a list of objects");
            var name = RequestFields.Required(definition, "AttributeName");
            var type = RequestFields.Required(definition, "AttributeType");
            if (type is not ("S" or "N" or "B"))
            {
                throw DynamoDbErrors.Validation(
                    $"1 validation error detected: Value '{type}' at 'attributeDefinitions.{definitions.Count + 1}.member.attributeType' failed to satisfy constraint: Member must satisfy enum value set: [B, N, S]");
            }
            if (definitions.Any(existing => existing.Name == name))
            {
                throw DynamoDbErrors.InvalidParameters($"Duplicate AttributeName in AttributeDefinitions: {name}");
            }
            definitions.Add(new KeyAttribute(name, Enum.Parse<AttributeType>(type)));
        }
        return definitions;
    }

    private static KeySchema ReadKeySchema(JsonArray? schema, IReadOnlyList<KeyAttribute> definitions, string where)
    {
        if (schema is null || schema.Count is < 1 or > 2)
        {
            throw DynamoDbErrors.Validation(schema is null
                ? $"1 validation error detected: Value null at '{RequestFields.Camel(where)}' failed to satisfy constraint: Member must not be null"
                : $"1 validation error detected: Value at '{RequestFields.Camel(where)}' failed to satisfy constraint: Member must have length less than or equal to 2");
        }
        var elements = schema.Select(node => node as JsonObject ?? throw DynamoDbErrors.SerializationFailure("KeySchema must be a list of objects"))
            .Select(element => (Name: RequestFields.Required(element, "AttributeName"), Type: RequestFields.Required(element, "KeyType")))
            .ToList();
        if (elements[0].Type != "HASH")
        {
            throw DynamoDbErrors.InvalidParameters("Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
        }
        if (elements.Count == 2 && elements[1].Type != "RANGE")
        {
            throw DynamoDbErrors.InvalidParameters("Invalid KeySchema: The second KeySchemaElement is not a RANGE key type");
        }
        if (elements.Count == 2 && elements[0].Name == elements[1].Name)
        {
            throw DynamoDbErrors.InvalidParameters("Both the Hash Key and the Range Key element in the KeySchema have the same name");
        }
        var missing = elements.Where(element => definitions.All(definition => definition.Name != element.Name)).Select(element => element.Name).ToList();
        if (missing.Count > 0)
        {
            throw DynamoDbErrors.InvalidParameters(
                $"Some index key attributes are not defined in AttributeDefinitions. Keys: [{string.Join(", ", missing)}], AttributeDefinitions: [{string.Join(", ", definitions.Select(d => d.Name))}]");
        }
        KeyAttribute Defined(string name) => definitions.First(definition => definition.Name == name);
        return new KeySchema(Defined(elements[0].Name), elements.Count == 2 ? Defined(elements[1].Name) : null);
    }

    private static ProvisionedThroughput ReadThroughput(JsonObject? given, string billingMode, string? index)
    {
        if (billingMode == TableDefinition.PayPerRequest)
        {
            if (given is not null)
            {
                throw DynamoDbErrors.InvalidParameters(
                    "Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST");
            }
            return new ProvisionedThroughput(0, 0);
        }
        if (given is null)
        {
            throw DynamoDbErrors.InvalidParameters(index is null
                ? "ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED"
                : $"ProvisionedThroughput must be specified for index: {index}");
        }
        var read = RequestFields.Long(given, "ReadCapacityUnits") ?? 0;
        var write = RequestFields.Long(given, "WriteCapacityUnits") ?? 0;
        if (read < 1 || write < 1)
        {
            throw DynamoDbErrors.InvalidParameters(
                $"The provisioned throughput for the table will not be more than the minimum of 1 read and 1 write capacity unit");
        }
        return new ProvisionedThroughput(read, write);
    }

    private static void ValidateTableName(string name)
    {
        if (name.Length is < 3 or > 255)
        {
            throw DynamoDbErrors.Validation(
                $"1 validation error detected: Value '{name}' at 'tableName' failed to satisfy constraint: Member must have length {(name.Length < 3 ? "greater than or equal to 3" : "less than or equal to 255")}");
        }
        if (!TableNamePattern().IsMatch(name))
        {
            throw DynamoDbErrors.Validation(
                $"1 validation error detected: Value '{name}' at 'tableName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+");
        }
    }

    private static JsonArray KeySchemaJson(KeySchema key)
    {
        var schema = new JsonArray(new JsonObject { ["AttributeName"] = key.Partition.Name, ["KeyType"] = "HASH" });
        if (key.Sort is { } sort)
        {
            schema.Add(new JsonObject { ["AttributeName"] = sort.Name, ["KeyType"] = "RANGE" });
        }
        return schema;
    }

    // On-demand tables start warm at 12,000 reads and 4,000 writes per second; provisioned ones at their capacity.
    private static JsonObject WarmThroughputJson(string billingMode, ProvisionedThroughput throughput) => new()
    {
        ["ReadUnitsPerSecond"] = billingMode == TableDefinition.PayPerRequest ? 12000 : throughput.ReadCapacityUnits,
        ["Status"] = "ACTIVE",
        ["WriteUnitsPerSecond"] = billingMode == TableDefinition.PayPerRequest ? 4000 : throughput.WriteCapacityUnits,
    };

    private static JsonObject ThroughputJson(ProvisionedThroughput throughput) => new()
    {
        ["NumberOfDecreasesToday"] = 0,
        ["ReadCapacityUnits"] = throughput.ReadCapacityUnits,
        ["WriteCapacityUnits"] = throughput.WriteCapacityUnits,
    };

    [GeneratedRegex("^[a-zA-Z0-9_.-]+$")]
    private static partial Regex TableNamePattern();
}
