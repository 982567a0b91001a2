using System.Text.Json;
using System.Text.Json.Nodes;

namespace Choreo.Cli.Run;

/// <summary>
/// One record of the side-effect dead-letter queue: the EventBridge event carrying Lambda's on-failure record,
/// whose <c>requestPayload</c> is the side effect's original event and <c>responsePayload</c> its last error.
/// </summary>
public sealed record DeadLetteredSideEffect(string Execution, int? Index, string? Name, string Error, string Condition)
{
    public static DeadLetteredSideEffect? Parse(string body)
    {
        JsonNode? record;
        try
        {
            record = JsonNode.Parse(body)?["detail"];
        }
        catch (JsonException)
        {
            return null;
        }
        var original = record?["requestPayload"]?["detail"];
        if (original?["execution"] is not JsonValue execution || execution.GetValueKind() != JsonValueKind.String)
        {
            return null;
        }
        var response = record!["responsePayload"];
        var error = $"{(string?)response?["errorType"] ?? "error"}: {(string?)response?["errorMessage"] ?? "no message"}";
        return new DeadLetteredSideEffect(
            execution.GetValue<string>(),
            original["index"] is JsonValue index && index.GetValueKind() == JsonValueKind.Number ? index.GetValue<int>() : null,
            (string?)original["name"],
            error,
            (string?)record["requestContext"]?["condition"] ?? "unknown");
    }
}
