using System.Text.Json.Nodes;

namespace Choreo.LocalCloud.DynamoDb.Model;

/// <summary>
/// Reads and writes the wire form of values and items (<c>{"S": "x"}</c>, <c>{"NS": ["1", "2"]}</c>), refusing
/// malformed values with the ValidationException texts DynamoDB uses.
/// </summary>
public static class AttributeValueJson
{
    public static Dictionary<string, AttributeValue> ReadItem(JsonNode? node, string parameter)
    {
        if (node is not JsonObject map)
        {
            throw DynamoDbErrors.SerializationFailure($"{parameter} must be a map of attribute names to values");
        }
        var item = new Dictionary<string, AttributeValue>(map.Count, StringComparer.Ordinal);
        foreach (var (name, value) in map)
        {
            item[name] = Read(value);
        }
        return item;
    }

    public static AttributeValue Read(JsonNode? node)
    {
        if (node is not JsonObject value || value.Count == 0)
        {
            throw DynamoDbErrors.Validation("Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
        }
        if (value.Count > 1)
        {
            throw DynamoDbErrors.Validation("Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes");
        }
        var (typeName, payload) = value.First();
        if (!Enum.TryParse<AttributeType>(typeName, ignoreCase: false, out var type) || !Enum.IsDefined(type))
        {
            throw DynamoDbErrors.Validation("Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
        }
        switch (type)
        {
            case AttributeType.S:
                return AttributeValue.String(Text(payload, typeName));
            case AttributeType.N:
                return AttributeValue.Number(DynamoNumber.Parse(Text(payload, typeName)));
            case AttributeType.B:
                return AttributeValue.Binary(Bytes(payload, typeName));
            case AttributeType.BOOL:
                return payload is JsonValue b && b.TryGetValue<bool>(out var flag)
                    ? AttributeValue.Bool(flag)
                    : throw DynamoDbErrors.SerializationFailure("BOOL must be true or false");
            case AttributeType.NULL:
                return payload is JsonValue n && n.TryGetValue<bool>(out var isNull) && isNull
                    ? AttributeValue.Null
                    : throw DynamoDbErrors.InvalidParameters("Null attribute value types must have the value of true");
            case AttributeType.M:
                return AttributeValue.Map(ReadItem(payload, "M"));
            case AttributeType.L:
                return payload is JsonArray list
                    ? AttributeValue.List(list.Select(Read).ToList())
                    : throw DynamoDbErrors.SerializationFailure("L must be a list of attribute values");
            default:
                return ReadSet(type, payload, typeName);
        }
    }

    private static AttributeValue ReadSet(AttributeType type, JsonNode? payload, string typeName)
    {
        if (payload is not JsonArray members)
        {
            throw DynamoDbErrors.SerializationFailure($"{typeName} must be a list");
        }
        if (members.Count == 0)
        {
            var kind = type switch { AttributeType.SS => "string", AttributeType.NS => "number", _ => "binary" };
            throw DynamoDbErrors.InvalidParameters($"An {kind} set  may not be empty");
        }
        var texts = members.Select(member => Text(member, typeName)).ToList();
        AttributeValue set = type switch
        {
            AttributeType.SS => AttributeValue.StringSet(texts),
            AttributeType.NS => AttributeValue.NumberSet(texts.Select(DynamoNumber.Parse).ToList()),
            _ => AttributeValue.BinarySet(members.Select(member => Bytes(member, typeName)).ToList()),
        };
        var distinct = set.SetMembers.Distinct().Count();
        if (distinct != set.SetCount)
        {
            throw DynamoDbErrors.InvalidParameters($"Input collection [{string.Join(", ", texts)}] contains duplicates.");
        }
        return set;
    }

    public static JsonObject WriteItem(IReadOnlyDictionary<string, AttributeValue> item)
    {
        var map = new JsonObject();
        foreach (var (name, value) in item)
        {
            map[name] = Write(value);
        }
        return map;
    }

    public static JsonObject Write(AttributeValue value) => value.Type switch
    {
        AttributeType.S => new JsonObject { ["S"] = value.AsString },
        AttributeType.N => new JsonObject { ["N"] = value.AsNumber.ToString() },
        AttributeType.B => new JsonObject { ["B"] = Convert.ToBase64String(value.AsBinary) },
        AttributeType.BOOL => new JsonObject { ["BOOL"] = value.AsBool },
        AttributeType.NULL => new JsonObject { ["NULL"] = true },
        AttributeType.M => new JsonObject { ["M"] = WriteItem(value.AsMap) },
        AttributeType.L => new JsonObject { ["L"] = new JsonArray(value.AsList.Select(v => (JsonNode)Write(v)).ToArray()) },
        AttributeType.SS => new JsonObject { ["SS"] = new JsonArray(value.AsStringSet.Select(s => (JsonNode)JsonValue.Create(s)).ToArray()) },
        AttributeType.NS => new JsonObject { ["NS"] = new JsonArray(value.AsNumberSet.Select(n => (JsonNode)JsonValue.Create(n.ToString())).ToArray()) },
        _ => new JsonObject { ["BS"] = new JsonArray(value.AsBinarySet.Select(b => (JsonNode)JsonValue.Create(Convert.ToBase64String(b))).ToArray()) },
    };

    private static string Text(JsonNode? node, string typeName) =>
        node is JsonValue value && value.TryGetValue<string>(out var text)
            ? text
            : throw DynamoDbErrors.SerializationFailure($"{typeName} must be given as a string");

    private static byte[] Bytes(JsonNode? node, string typeName)
    {
        try
        {
            return Convert.FromBase64String(Text(node, typeName));
        }
        catch (FormatException)
        {
            throw DynamoDbErrors.SerializationFailure($"{typeName} must be base64-encoded");
        }
    }
}
