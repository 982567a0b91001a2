using System.Text.Json.Nodes;
using Choreo.LocalCloud.StepFunctions.Asl.Json;

namespace Choreo.LocalCloud.StepFunctions.Asl.Validation;

/// <summary>
/// QueryLanguage: JSONPath (the default, explicit or not) or JSONata; a state cannot go back to JSONPath inside a
/// JSONata machine (<see cref="JsonataRules"/> checks the rest of a JSONata definition's structure).
/// </summary>
public static class QueryLanguageRules
{
    private static readonly string[] Languages = ["JSONPath", "JSONata"];

    public static IEnumerable<DefinitionDiagnostic> ForJsonataMachine(JsonObject root)
    {
        foreach (var (graph, at) in GraphRules.Graphs(root, string.Empty))
        {
            foreach (var (_, state, stateAt) in GraphRules.States(graph, at))
            {
                if (JsonText.TryGetString(state["QueryLanguage"], out var language) && language == "JSONPath")
                {
                    yield return DefinitionDiagnostic.Error(
                        "SCHEMA_VALIDATION_FAILED", "'QueryLanguage' can not be 'JSONPath' if set to 'JSONata' for whole state machine", stateAt);
                }
            }
        }
    }

    public static IEnumerable<DefinitionDiagnostic> ForState(JsonObject state, string at)
    {
        if (FieldValues.OneOf(state, "QueryLanguage", Languages, at) is { } wrong)
        {
            yield return wrong;
        }
    }

    public static DefinitionDiagnostic? ForMachine(JsonObject root) => FieldValues.OneOf(root, "QueryLanguage", Languages, string.Empty);
}
