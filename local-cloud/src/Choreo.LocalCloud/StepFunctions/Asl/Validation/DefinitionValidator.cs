using System.Text.Json.Nodes;
using Choreo.LocalCloud.StepFunctions.Asl.Json;
using Choreo.LocalCloud.StepFunctions.Asl.Parsing;

namespace Choreo.LocalCloud.StepFunctions.Asl.Validation;

/// <summary>
/// The one place that decides whether AWS accepts a definition (CreateStateMachine, UpdateStateMachine,
/// ValidateStateMachineDefinition and the CloudFormation provider all ask it). Passes, in order: the raw text
/// (<see cref="DefinitionTextScan"/>), the rules (<see cref="GraphRules"/>, <see cref="TaskRules"/>,
/// <see cref="MapRules"/>, <see cref="IntrinsicRules"/>, <see cref="WarningRules"/>, ...), then the schema checks the
/// <see cref="DefinitionParser"/> makes while building the model. Returns every diagnostic, errors and warnings.
/// </summary>
public static class DefinitionValidator
{
    // Local-cloud support decisions the parser reports for Distributed Map; AWS accepts these fields, so the AWS
    // verdict leaves them out (MapRules checks them).
    private static readonly string[] DistributedMapLocations = ["/ProcessorConfig/Mode", "/ItemReader", "/ItemBatcher", "/ResultWriter"];

    /// <param name="definition">The definition text as sent.</param>
    /// <param name="stateMachineType">STANDARD or EXPRESS: Express refuses .sync, .waitForTaskToken and activities (as do a
    /// Distributed Map's EXPRESS child workflows in either type).</param>
    public static IReadOnlyList<DefinitionDiagnostic> Validate(string definition, string stateMachineType = "STANDARD")
    {
        var diagnostics = new List<DefinitionDiagnostic>(DefinitionTextScan.Scan(definition, out var isObject));
        // A text with duplicate keys has no single tree to check further (which value would AWS have read?).
        if (!isObject || diagnostics.Count > 0)
        {
            return diagnostics;
        }

        var root = (JsonObject)JsonText.Parse(definition)!;
        // The JSONPath parser cannot read JSONata states; JsonataRules checks their structure instead.
        var usesJsonata = JsonataRules.UsesJsonata(root);
        if (JsonText.TryGetString(root["QueryLanguage"], out var language) && language == "JSONata")
        {
            diagnostics.AddRange(QueryLanguageRules.ForJsonataMachine(root));
        }

        foreach (var (graph, at, isExpress) in GraphRules.GraphsByExecutionType(root, string.Empty, stateMachineType == "EXPRESS"))
        {
            var context = new ValidationContext(isExpress);
            diagnostics.AddRange(GraphRules.Check(graph, at));
            foreach (var (_, state, stateAt) in GraphRules.States(graph, at))
            {
                diagnostics.AddRange(QueryLanguageRules.ForState(state, stateAt));
                diagnostics.AddRange(TaskRules.Check(state, stateAt, context));
                diagnostics.AddRange(MapRules.Check(state, stateAt));
                diagnostics.AddRange(IntrinsicRules.Check(state, stateAt));
                diagnostics.AddRange(WarningRules.Check(state, stateAt));
            }
        }

        diagnostics.AddRange(GraphRules.DuplicateNamesAcrossMachine(root));
        diagnostics.AddRange(MapRules.DuplicateLabels(root));
        diagnostics.AddRange(TopLevelRules.Check(root));
        if (usesJsonata)
        {
            diagnostics.AddRange(JsonataRules.Check(root));
        }
        else
        {
            try
            {
                DefinitionParser.Parse(definition);
            }
            catch (InvalidDefinitionException e)
            {
                diagnostics.AddRange(e.Diagnostics.Where(d => !IsDistributedMapSupportNotice(d)));
            }
        }

        // One finding per code and place: the rules' AWS wording comes first and wins over the parser's.
        return diagnostics.DistinctBy(d => (d.Severity, d.Code, d.Location)).ToList();
    }

    /// <summary>Throws InvalidDefinitionException when any ERROR diagnostic is found (what CreateStateMachine answers).</summary>
    /// <summary>Whether a definition AWS accepts selects JSONata anywhere (local-cloud's engine does not run JSONata).</summary>
    public static bool UsesJsonata(string definition) =>
        JsonText.Parse(definition) is JsonObject root && JsonataRules.UsesJsonata(root);

    public static void EnsureValid(string definition, string stateMachineType)
    {
        var errors = Validate(definition, stateMachineType).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            throw new InvalidDefinitionException(errors);
        }
    }

    private static bool IsDistributedMapSupportNotice(DefinitionDiagnostic diagnostic) =>
        diagnostic.Code == "UNSUPPORTED_FEATURE" && diagnostic.Location is { } at &&
        DistributedMapLocations.Any(suffix => at.EndsWith(suffix, StringComparison.Ordinal));
}
