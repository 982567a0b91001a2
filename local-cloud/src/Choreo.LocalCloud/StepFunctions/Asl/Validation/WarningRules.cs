using System.Text.Json.Nodes;
using Choreo.LocalCloud.StepFunctions.Asl.Json;

namespace Choreo.LocalCloud.StepFunctions.Asl.Validation;

/// <summary>
/// Warnings AWS gives without failing the definition: PASS_RESULT_IS_STATIC, a Pass state's Result that tries to use
/// a path (Result is copied as it is; only Parameters reads paths). NO_DOLLAR lives with the template walk in
/// <see cref="IntrinsicRules"/>.
/// </summary>
public static class WarningRules
{
    public static IEnumerable<DefinitionDiagnostic> Check(JsonObject state, string at)
    {
        if (JsonText.TryGetString(state["Type"], out var type) && type == "Pass" && state["Result"] is JsonObject result && UsesPath(result))
        {
            yield return new DefinitionDiagnostic(
                DiagnosticSeverity.Warning, "PASS_RESULT_IS_STATIC",
                "The Result of a Pass state is static: a field name ending with '.$' is not evaluated as a path (use Parameters)", $"{at}/Result");
        }
    }

    private static bool UsesPath(JsonObject obj) =>
        obj.Any(p => p.Key.EndsWith(".$", StringComparison.Ordinal) || (p.Value is JsonObject nested && UsesPath(nested)));
}
