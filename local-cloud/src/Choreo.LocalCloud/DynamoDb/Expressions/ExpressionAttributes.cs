using System.Text.Json.Nodes;
using Choreo.LocalCloud.DynamoDb.Model;

namespace Choreo.LocalCloud.DynamoDb.Expressions;

/// <summary>
/// A request's ExpressionAttributeNames and ExpressionAttributeValues, and which of them its expressions used:
/// DynamoDB refuses requests that define placeholders no expression uses.
/// </summary>
public sealed class ExpressionAttributes
{
    private readonly Dictionary<string, string>? _names;
    private readonly Dictionary<string, AttributeValue>? _values;
    private readonly HashSet<string> _usedNames = [];
    private readonly HashSet<string> _usedValues = [];

    public ExpressionAttributes(JsonNode? names, JsonNode? values)
    {
        if (names is JsonObject nameMap)
        {
            if (nameMap.Count == 0)
            {
                throw DynamoDbErrors.Validation("ExpressionAttributeNames must not be empty");
            }
            _names = nameMap.ToDictionary(
                pair => pair.Key,
                pair => pair.Value is JsonValue value && value.TryGetValue<string>(out var name)
                    ? name
                    : throw DynamoDbErrors.SerializationFailure($"ExpressionAttributeNames value for {pair.Key} must be a string"),
                StringComparer.Ordinal);
        }
        if (values is JsonObject valueMap)
        {
            if (valueMap.Count == 0)
            {
                throw DynamoDbErrors.Validation("ExpressionAttributeValues must not be empty");
            }
            _values = new Dictionary<string, AttributeValue>(StringComparer.Ordinal);
            foreach (var (key, value) in valueMap)
            {
                if (!key.StartsWith(':'))
                {
                    throw DynamoDbErrors.Validation($"ExpressionAttributeValues contains invalid key: Syntax error; key: \"{key}\"");
                }
                _values[key] = AttributeValueJson.Read(value);
            }
        }
        if (_names is not null)
        {
            foreach (var key in _names.Keys.Where(key => !key.StartsWith('#')))
            {
                throw DynamoDbErrors.Validation($"ExpressionAttributeNames contains invalid key: Syntax error; key: \"{key}\"");
            }
        }
    }

    public bool Any => _names is not null || _values is not null;

    public string Name(string placeholder, string kind)
    {
        if (_names is null || !_names.TryGetValue(placeholder, out var name))
        {
            throw ExpressionErrors.UndefinedName(kind, placeholder);
        }
        _usedNames.Add(placeholder);
        return name;
    }

    public AttributeValue Value(string placeholder, string kind)
    {
        if (_values is null || !_values.TryGetValue(placeholder, out var value))
        {
            throw ExpressionErrors.UndefinedValue(kind, placeholder);
        }
        _usedValues.Add(placeholder);
        return value;
    }

    /// <summary>Refuses placeholders that were defined but not used by any expression of the request.</summary>
    public void EnsureAllUsed(bool anyExpression)
    {
        if (!anyExpression)
        {
            if (_names is not null)
            {
                throw DynamoDbErrors.Validation("ExpressionAttributeNames can only be specified when using expressions");
            }
            if (_values is not null)
            {
                throw DynamoDbErrors.Validation("ExpressionAttributeValues can only be specified when using expressions: ConditionExpression and UpdateExpression are null");
            }
            return;
        }
        var unusedNames = _names?.Keys.Where(name => !_usedNames.Contains(name)).ToList() ?? [];
        if (unusedNames.Count > 0)
        {
            throw DynamoDbErrors.Validation($"Value provided in ExpressionAttributeNames unused in expressions: keys: {{{string.Join(", ", unusedNames)}}}");
        }
        var unusedValues = _values?.Keys.Where(value => !_usedValues.Contains(value)).ToList() ?? [];
        if (unusedValues.Count > 0)
        {
            throw DynamoDbErrors.Validation($"Value provided in ExpressionAttributeValues unused in expressions: keys: {{{string.Join(", ", unusedValues)}}}");
        }
    }
}
