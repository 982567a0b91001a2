namespace Choreo.LocalCloud.StepFunctions.Asl.States;

/// <summary>A top-level Choice rule: a condition and the state to go to when it holds.</summary>
public sealed record ChoiceRule(ChoiceCondition Condition, string Next);
