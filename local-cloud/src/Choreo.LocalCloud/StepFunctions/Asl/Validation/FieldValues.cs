using System.Globalization;
using System.Text.Json.Nodes;
using Choreo.LocalCloud.StepFunctions.Asl.Json;

namespace Choreo.LocalCloud.StepFunctions.Asl.Validation;

/// <summary>Shape checks the rules share: integers in AWS's ranges, enumerations, mutually exclusive fields.</summary>
public static class FieldValues
{
    /// <summary>A JSON integer (no fraction, no exponent) between <paramref name="min"/> and <paramref name="max"/>.</summary>
    public static bool IsIntegerIn(JsonNode? node, long min, long max) =>
        JsonText.IsNumber(node) &&
        long.TryParse(JsonText.NumberText(node!), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) &&
        value >= min && value <= max;

    public static DefinitionDiagnostic? IntegerIn(JsonObject obj, string field, long min, long max, string at) =>
        obj.TryGetPropertyValue(field, out var node) && !IsIntegerIn(node, min, max)
            ? DefinitionDiagnostic.Error("SCHEMA_VALIDATION_FAILED", $"The value for the field '{field}' must be an integer between {min} and {max}", $"{at}/{field}")
            : null;

    public static DefinitionDiagnostic? OneOf(JsonObject obj, string field, string[] values, string at) =>
        obj.TryGetPropertyValue(field, out var node) && !(JsonText.TryGetString(node, out var text) && values.Contains(text))
            ? DefinitionDiagnostic.Error("SCHEMA_VALIDATION_FAILED", $"The field '{field}' should have one of these values: [{string.Join(", ", values)}]", $"{at}/{field}")
            : null;

    /// <summary>A value and its <c>…Path</c> twin given together (AWS takes exactly one).</summary>
    public static DefinitionDiagnostic? NotBoth(JsonObject obj, string field, string other, string at) =>
        obj.ContainsKey(field) && obj.ContainsKey(other)
            ? DefinitionDiagnostic.Error("SCHEMA_VALIDATION_FAILED", $"The fields '{field}' and '{other}' are mutually exclusive", at)
            : null;

    public static DefinitionDiagnostic? ObjectOrAbsent(JsonObject obj, string field, string at) =>
        obj.TryGetPropertyValue(field, out var node) && node is not JsonObject
            ? DefinitionDiagnostic.Error("SCHEMA_VALIDATION_FAILED", $"The value for the field '{field}' must be an OBJECT", $"{at}/{field}")
            : null;

    /// <summary>Fields outside <paramref name="allowed"/>, worded as AWS words unknown fields.</summary>
    public static IEnumerable<DefinitionDiagnostic> OnlyFields(JsonObject obj, string[] allowed, string at) =>
        obj.Where(p => !allowed.Contains(p.Key))
            .Select(p => DefinitionDiagnostic.Error("SCHEMA_VALIDATION_FAILED", $"Field '{p.Key}' is not supported", $"{at}/{Pointer.Escape(p.Key)}"));
}
