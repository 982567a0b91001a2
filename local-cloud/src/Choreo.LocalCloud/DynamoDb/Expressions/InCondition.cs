namespace Choreo.LocalCloud.DynamoDb.Expressions;

/// <summary><c>a IN (b, c, …)</c>, up to 100 candidates.</summary>
public sealed record InCondition(Operand Value, IReadOnlyList<Operand> Candidates) : Condition;
