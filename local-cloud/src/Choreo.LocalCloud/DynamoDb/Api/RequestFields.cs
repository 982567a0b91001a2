using System.Text.Json.Nodes;
using Choreo.LocalCloud.DynamoDb.Model;

namespace Choreo.LocalCloud.DynamoDb.Api;

/// <summary>Reads request members, refusing missing or mistyped ones in DynamoDB's constraint-violation wording.</summary>
public static class RequestFields
{
    public static string Required(JsonObject body, string name) =>
        Optional(body, name) ?? throw DynamoDbErrors.Validation($"1 validation error detected: Value null at '{Camel(name)}' failed to satisfy constraint: Member must not be null");

    public static string? Optional(JsonObject body, string name) => body[name] switch
    {
        null => null,
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        _ => throw DynamoDbErrors.SerializationFailure($"{name} must be a string"),
    };

    public static int? Integer(JsonObject body, string name) => body[name] switch
    {
        null => null,
        JsonValue value when value.TryGetValue<int>(out var number) => number,
        JsonValue value when value.TryGetValue<long>(out _) => throw DynamoDbErrors.Validation($"1 validation error detected: Value at '{Camel(name)}' is out of range"),
        _ => throw DynamoDbErrors.SerializationFailure($"{name} must be an integer"),
    };

    public static long? Long(JsonObject? body, string name) => body?[name] switch
    {
        null => null,
        JsonValue value when value.TryGetValue<long>(out var number) => number,
        _ => throw DynamoDbErrors.SerializationFailure($"{name} must be an integer"),
    };

    public static bool? Boolean(JsonObject body, string name) => body[name] switch
    {
        null => null,
        JsonValue value when value.TryGetValue<bool>(out var flag) => flag,
        _ => throw DynamoDbErrors.SerializationFailure($"{name} must be true or false"),
    };

    public static JsonObject? Object(JsonObject body, string name) => body[name] switch
    {
        null => null,
        JsonObject value => value,
        _ => throw DynamoDbErrors.SerializationFailure($"{name} must be an object"),
    };

    public static JsonArray? Array(JsonObject body, string name) => body[name] switch
    {
        null => null,
        JsonArray value => value,
        _ => throw DynamoDbErrors.SerializationFailure($"{name} must be a list"),
    };

    /// <summary>Refuses the pre-expression parameters (Expected, AttributesToGet, …) by name, with what to use instead.</summary>
    public static void RefuseLegacy(JsonObject body, params (string Legacy, string Instead)[] parameters)
    {
        foreach (var (legacy, instead) in parameters)
        {
            if (body[legacy] is not null)
            {
                throw DynamoDbErrors.Validation(
                    $"local-cloud's DynamoDB does not support the legacy parameter {legacy}; use {instead} instead");
            }
        }
    }

    public static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
