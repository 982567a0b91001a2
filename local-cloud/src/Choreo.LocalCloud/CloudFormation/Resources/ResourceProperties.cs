using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Choreo.LocalCloud.CloudFormation.Resources;

/// <summary>Reads resolved template properties for any provider, naming the resource and property when one is malformed.</summary>
public static class ResourceProperties
{
    public static string? Text(JsonObject properties, string name) =>
        properties[name] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    public static string RequiredText(JsonObject properties, string name, string logicalId) =>
        Text(properties, name) ?? throw new InvalidOperationException($"{logicalId}: property {name} is required and must be a string.");

    public static int? Number(JsonObject properties, string name, string logicalId) => properties[name] switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => v.GetValue<int>(),
        JsonValue v when v.GetValueKind() == JsonValueKind.String && int.TryParse(v.GetValue<string>(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) => n,
        _ => throw new InvalidOperationException($"{logicalId}: property {name} must be a whole number."),
    };
}
