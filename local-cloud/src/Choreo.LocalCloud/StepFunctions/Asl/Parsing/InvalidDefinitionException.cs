namespace Choreo.LocalCloud.StepFunctions.Asl.Parsing;

/// <summary>A definition AWS would refuse; the message is the API's InvalidDefinition message.</summary>
public sealed class InvalidDefinitionException(IReadOnlyList<string> problems)
    : Exception($"Invalid State Machine Definition: '{string.Join(", ", problems)}'")
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
