using System.Text.Json.Nodes;
using Choreo.LocalCloud.StepFunctions.Asl.Json;

namespace Choreo.LocalCloud.StepFunctions.Asl.Validation;

/// <summary>
/// The structure of a definition that uses JSONata (the machine's QueryLanguage or one state's), which the JSONPath
/// parser cannot read: state types, StartAt and transition targets, state name lengths, and the JSONPath-only fields a
/// JSONata state may not carry (JSONata states use Arguments, Output and Condition instead).
/// </summary>
public static class JsonataRules
{
    private static readonly string[] StateTypes = ["Task", "Wait", "Pass", "Succeed", "Fail", "Choice", "Parallel", "Map"];

    private static readonly string[] JsonPathOnlyFields =
    [
        "InputPath", "Parameters", "ResultSelector", "ResultPath", "OutputPath", "ItemsPath", "TimeoutSecondsPath", "HeartbeatSecondsPath",
        "SecondsPath", "TimestampPath", "MaxConcurrencyPath", "ToleratedFailureCountPath", "ToleratedFailurePercentagePath", "ErrorPath", "CausePath",
    ];

    /// <summary>Whether the machine or any of its states (nested graphs included) selects JSONata.</summary>
    public static bool UsesJsonata(JsonObject root) =>
        IsJsonata(root) || GraphRules.Graphs(root, string.Empty).Any(g => GraphRules.States(g.Graph, g.At).Any(s => IsJsonata(s.State)));

    public static IEnumerable<DefinitionDiagnostic> Check(JsonObject root)
    {
        var machineIsJsonata = IsJsonata(root);
        foreach (var (graph, at) in GraphRules.Graphs(root, string.Empty))
        {
            if (graph["States"] is not JsonObject states)
            {
                yield return DefinitionDiagnostic.Error("SCHEMA_VALIDATION_FAILED", "These fields are required: [States]", at.Length == 0 ? "/" : at);
                continue;
            }

            if (!JsonText.TryGetString(graph["StartAt"], out var startAt))
            {
                yield return DefinitionDiagnostic.Error("SCHEMA_VALIDATION_FAILED", "These fields are required: [StartAt]", at.Length == 0 ? "/" : at);
            }
            else if (!states.ContainsKey(startAt))
            {
                yield return DefinitionDiagnostic.Error("MISSING_TRANSITION_TARGET", $"Missing 'Next' target: {startAt}", $"{at}/StartAt");
            }

            foreach (var (name, node) in states)
            {
                var stateAt = $"{at}/States/{Pointer.Escape(name)}";
                if (name.Length > 80)
                {
                    yield return DefinitionDiagnostic.Error("INVALID_STATE_NAME", "State names must be at most 80 characters", stateAt);
                }

                if (node is not JsonObject state)
                {
                    yield return DefinitionDiagnostic.Error("SCHEMA_VALIDATION_FAILED", "A state must be an object", stateAt);
                    continue;
                }

                foreach (var found in StateChecks(state, stateAt, states, machineIsJsonata))
                {
                    yield return found;
                }
            }
        }
    }

    private static IEnumerable<DefinitionDiagnostic> StateChecks(JsonObject state, string at, JsonObject states, bool machineIsJsonata)
    {
        if (!JsonText.TryGetString(state["Type"], out var type) || !StateTypes.Contains(type))
        {
            yield return DefinitionDiagnostic.Error(
                "SCHEMA_VALIDATION_FAILED", "The field 'Type' should have one of these values: [Task, Wait, Pass, Succeed, Fail, Choice, Parallel, Map]", $"{at}/Type");
        }

        var jsonata = IsJsonata(state) || (machineIsJsonata && !state.ContainsKey("QueryLanguage"));
        if (jsonata)
        {
            foreach (var field in JsonPathOnlyFields.Where(state.ContainsKey))
            {
                yield return DefinitionDiagnostic.Error("SCHEMA_VALIDATION_FAILED", $"The field '{field}' is not supported with the JSONata query language", $"{at}/{field}");
            }
        }

        foreach (var (target, targetAt) in Transitions(state, at))
        {
            if (!states.ContainsKey(target))
            {
                yield return DefinitionDiagnostic.Error("MISSING_TRANSITION_TARGET", $"Missing 'Next' target: {target}", targetAt);
            }
        }
    }

    private static IEnumerable<(string Target, string At)> Transitions(JsonObject state, string at)
    {
        foreach (var field in new[] { "Next", "Default" })
        {
            if (JsonText.TryGetString(state[field], out var target))
            {
                yield return (target, $"{at}/{field}");
            }
        }

        foreach (var list in new[] { "Choices", "Catch" })
        {
            if (state[list] is JsonArray items)
            {
                for (var i = 0; i < items.Count; i++)
                {
                    if (items[i] is JsonObject rule && JsonText.TryGetString(rule["Next"], out var target))
                    {
                        yield return (target, $"{at}/{list}/{i}/Next");
                    }
                }
            }
        }
    }

    private static bool IsJsonata(JsonObject node) => JsonText.TryGetString(node["QueryLanguage"], out var language) && language == "JSONata";
}
