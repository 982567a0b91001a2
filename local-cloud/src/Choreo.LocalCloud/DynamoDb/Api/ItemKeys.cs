using System.Text.Json.Nodes;
using Choreo.LocalCloud.DynamoDb.Model;

namespace Choreo.LocalCloud.DynamoDb.Api;

/// <summary>Reads and checks primary keys and whole items against a table's key schema and indexes.</summary>
public static class ItemKeys
{
    /// <summary>A <c>Key</c> parameter: exactly the table's key attributes, of their defined types.</summary>
    public static (AttributeValue Partition, AttributeValue? Sort) ReadKey(TableDefinition table, JsonNode? node)
    {
        var key = AttributeValueJson.ReadItem(node ?? throw DynamoDbErrors.Validation(
            "1 validation error detected: Value null at 'key' failed to satisfy constraint: Member must not be null"), "Key");
        return KeyOf(table.Key, key);
    }

    public static (AttributeValue Partition, AttributeValue? Sort) KeyOf(KeySchema schema, IReadOnlyDictionary<string, AttributeValue> key)
    {
        var expected = schema.Sort is null ? 1 : 2;
        if (key.Count != expected)
        {
            throw DynamoDbErrors.KeySchemaMismatch();
        }
        var partition = KeyValue(schema.Partition, key);
        var sort = schema.Sort is { } sortKey ? KeyValue(sortKey, key) : null;
        return (partition, sort);
    }

    /// <summary>The key attributes of an item, as a map (LastEvaluatedKey, UnprocessedKeys, returned keys).</summary>
    public static Dictionary<string, AttributeValue> KeyAttributes(KeySchema schema, IReadOnlyDictionary<string, AttributeValue> item)
    {
        var key = new Dictionary<string, AttributeValue>(StringComparer.Ordinal);
        foreach (var attribute in schema.Attributes)
        {
            if (item.TryGetValue(attribute.Name, out var value))
            {
                key[attribute.Name] = value;
            }
        }
        return key;
    }

    /// <summary>Checks a whole item before it is written: key attributes present and typed, index keys typed, size within 400 KB.</summary>
    public static int ValidateItem(TableDefinition table, IReadOnlyDictionary<string, AttributeValue> item, bool update = false)
    {
        foreach (var attribute in table.Key.Attributes)
        {
            if (!item.TryGetValue(attribute.Name, out var value))
            {
                throw DynamoDbErrors.InvalidParameters($"Missing the key {attribute.Name} in the item");
            }
            if (value.Type != attribute.Type)
            {
                throw DynamoDbErrors.InvalidParameters($"Type mismatch for key {attribute.Name} expected: {attribute.Type} actual: {value.Type}");
            }
            RefuseEmptyKey(attribute.Name, value);
        }
        foreach (var index in table.GlobalSecondaryIndexes)
        {
            foreach (var attribute in index.Key.Attributes)
            {
                if (!item.TryGetValue(attribute.Name, out var value))
                {
                    continue;
                }
                if (value.Type != attribute.Type)
                {
                    throw DynamoDbErrors.InvalidParameters(
                        $"Type mismatch for Index Key {attribute.Name} Expected: {attribute.Type} Actual: {value.Type} IndexName: {index.Name}");
                }
                if (IsEmpty(value))
                {
                    throw DynamoDbErrors.Validation(
                        $"One or more parameter values are not valid. A value specified for a secondary index key is not supported. The AttributeValue for a key attribute cannot contain an empty {(value.Type == AttributeType.S ? "string" : "binary")} value. IndexName: {index.Name}, IndexKey: {attribute.Name}");
                }
            }
        }
        var size = ItemSize.Of(item);
        if (size > ItemSize.MaxItemBytes)
        {
            throw DynamoDbErrors.Validation(update
                ? "Item size to update has exceeded the maximum allowed size"
                : "Item size has exceeded the maximum allowed size");
        }
        return size;
    }

    private static AttributeValue KeyValue(KeyAttribute attribute, IReadOnlyDictionary<string, AttributeValue> key)
    {
        if (!key.TryGetValue(attribute.Name, out var value) || value.Type != attribute.Type)
        {
            throw DynamoDbErrors.KeySchemaMismatch();
        }
        RefuseEmptyKey(attribute.Name, value);
        return value;
    }

    private static void RefuseEmptyKey(string name, AttributeValue value)
    {
        if (IsEmpty(value))
        {
            throw DynamoDbErrors.Validation(
                $"One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty {(value.Type == AttributeType.S ? "string" : "binary")} value. Key: {name}");
        }
    }

    private static bool IsEmpty(AttributeValue value) =>
        (value.Type == AttributeType.S && value.AsString.Length == 0) || (value.Type == AttributeType.B && value.AsBinary.Length == 0);
}
