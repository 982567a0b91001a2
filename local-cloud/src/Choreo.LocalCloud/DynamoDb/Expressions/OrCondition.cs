namespace Choreo.LocalCloud.DynamoDb.Expressions;

/// <summary><c>left OR right</c>.</summary>
public sealed record OrCondition(Condition Left, Condition Right) : Condition;
