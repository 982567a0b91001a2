using System.Text.Json.Nodes;

namespace Choreo.LocalCloud.StepFunctions.Asl.Validation;

/// <summary>Rules on the machine's own fields: TimeoutSeconds's range and the QueryLanguage value.</summary>
public static class TopLevelRules
{
    public static IEnumerable<DefinitionDiagnostic> Check(JsonObject root) =>
        new[]
        {
            FieldValues.IntegerIn(root, "TimeoutSeconds", 1, TaskRules.MaxSeconds, string.Empty),
            QueryLanguageRules.ForMachine(root),
        }.OfType<DefinitionDiagnostic>();
}
