using System.Text.Json;

namespace Choreo.Worker.Functions.Hosting;

/// <summary>
/// What can still be read from an event that does not fit its contract, so the task it belongs to can be
/// failed with a clear cause instead of waiting for its timeout. Every field is optional.
/// </summary>
public sealed record TaskEventProbe(string? TaskToken, string? Execution, string? StateName, string? Account, string? Source, string? DetailType)
{
    public static TaskEventProbe Read(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return Empty;
            }
            var detail = root.TryGetProperty("detail", out var d) && d.ValueKind == JsonValueKind.Object ? d : default;
            return new TaskEventProbe(
                Text(detail, "TaskToken"), Text(detail, "execution"), Text(detail, "stateName"),
                Text(root, "account"), Text(root, "source"), Text(root, "detail-type"));
        }
        catch (JsonException)
        {
            return Empty;
        }
    }

    private static TaskEventProbe Empty { get; } = new(null, null, null, null, null, null);

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()
            : null;
}
