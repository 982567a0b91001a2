using Choreo.LocalCloud.StepFunctions.Asl.Validation;

namespace Choreo.LocalCloud.StepFunctions.Asl.Parsing;

/// <summary>
/// A definition AWS would refuse; the message is the API's InvalidDefinition message. AWS quotes one problem as
/// <c>'X'</c> and several as <c>''X', 'Y''</c>.
/// </summary>
public sealed class InvalidDefinitionException(IReadOnlyList<DefinitionDiagnostic> diagnostics)
    : Exception($"Invalid State Machine Definition: '{Quote(diagnostics)}'")
{
    public IReadOnlyList<DefinitionDiagnostic> Diagnostics { get; } = diagnostics;

    private static string Quote(IReadOnlyList<DefinitionDiagnostic> diagnostics) =>
        diagnostics.Count == 1 ? diagnostics[0].ToString() : string.Join(", ", diagnostics.Select(d => $"'{d}'"));
}
