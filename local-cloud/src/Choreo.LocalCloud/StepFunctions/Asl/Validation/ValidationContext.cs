namespace Choreo.LocalCloud.StepFunctions.Asl.Validation;

/// <summary>What the rules need to know about the machine beyond its definition.</summary>
public sealed record ValidationContext(bool IsExpress);
