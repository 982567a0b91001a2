using System.Text.Json.Nodes;

namespace LocalCloud.Tests.StepFunctions.Validation;

/// <summary>ValidateStateMachineDefinition through the service's operation handler, and definitions built from states.</summary>
public static class ValidationCalls
{
    public static async Task<JsonObject> ValidateAsync(string definition, string type = "STANDARD", string? severity = null, int? maxResults = null)
    {
        var body = new JsonObject { ["definition"] = definition, ["type"] = type };
        if (severity is not null)
        {
            body["severity"] = severity;
        }

        if (maxResults is not null)
        {
            body["maxResults"] = maxResults;
        }

        return (JsonObject)await new StepFunctionsHarness().CallAsync("ValidateStateMachineDefinition", body);
    }

    /// <summary>A machine starting at the first state given (<paramref name="states"/> is the inside of "States").</summary>
    public static string Machine(string states, string startAt = "S") => "{\"StartAt\":\"" + startAt + "\",\"States\":{" + states.Trim() + "}}";

    public static string Diagnostics(JsonObject response) =>
        string.Join(" | ", response["diagnostics"]!.AsArray().Select(d =>
            $"{d!["severity"]} {d["code"]}: {d["message"]} at {d["location"]?.GetValue<string>() ?? "-"}"));
}
