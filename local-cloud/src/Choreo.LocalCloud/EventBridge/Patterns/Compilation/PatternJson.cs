using System.Text.Json;

namespace Choreo.LocalCloud.EventBridge.Patterns.Compilation;

/// <summary>How pattern JSON tokens read in AWS's error messages.</summary>
internal static class PatternJson
{
    /// <summary>The token's text as the reference parser prints it; <c>null</c> stands for the array's end.</summary>
    public static string TokenText(JsonElement? token) => token switch
    {
        null => "]",
        { ValueKind: JsonValueKind.String } t => t.GetString()!,
        { ValueKind: JsonValueKind.Number } t => t.GetRawText(),
        { ValueKind: JsonValueKind.Object } => "{",
        { ValueKind: JsonValueKind.Array } => "[",
        { ValueKind: JsonValueKind.True } => "true",
        { ValueKind: JsonValueKind.False } => "false",
        _ => "null",
    };

    public static bool IsNumber(JsonElement? token) => token is { ValueKind: JsonValueKind.Number };

    public static bool IsString(JsonElement? token) => token is { ValueKind: JsonValueKind.String };
}
