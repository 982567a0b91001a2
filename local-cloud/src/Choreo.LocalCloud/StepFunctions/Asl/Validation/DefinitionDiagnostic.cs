namespace Choreo.LocalCloud.StepFunctions.Asl.Validation;

/// <summary>
/// One finding about a definition, as ValidateStateMachineDefinition returns it: AWS's code
/// (<c>SCHEMA_VALIDATION_FAILED</c>, <c>MISSING_TRANSITION_TARGET</c>, …), its message and the JSON pointer it is at.
/// </summary>
public sealed record DefinitionDiagnostic(DiagnosticSeverity Severity, string Code, string Message, string? Location)
{
    public static DefinitionDiagnostic Error(string code, string message, string? location) =>
        new(DiagnosticSeverity.Error, code, message, location);

    /// <summary>The text CreateStateMachine puts in its InvalidDefinition message (<c>CODE: message at /location</c>; JSON syntax messages carry their location already).</summary>
    public override string ToString() =>
        Location is null || Message.EndsWith(Location, StringComparison.Ordinal) ? $"{Code}: {Message}" : $"{Code}: {Message} at {Location}";
}
