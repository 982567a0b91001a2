namespace Choreo.LocalCloud.StepFunctions.Asl.Validation;

/// <summary>How serious a diagnostic is; ValidateStateMachineDefinition writes it as ERROR or WARNING.</summary>
public enum DiagnosticSeverity
{
    Error,
    Warning,
}
