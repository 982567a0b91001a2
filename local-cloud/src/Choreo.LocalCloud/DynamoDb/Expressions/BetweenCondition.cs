namespace Choreo.LocalCloud.DynamoDb.Expressions;

/// <summary><c>a BETWEEN low AND high</c> (inclusive).</summary>
public sealed record BetweenCondition(Operand Value, Operand Low, Operand High) : Condition;
