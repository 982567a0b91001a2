namespace Choreo.LocalCloud.DynamoDb.Expressions;

/// <summary><c>a = b</c>, <c>&lt;&gt;</c>, <c>&lt;</c>, <c>&lt;=</c>, <c>&gt;</c>, <c>&gt;=</c>.</summary>
public sealed record ComparisonCondition(TokenKind Operator, Operand Left, Operand Right) : Condition;
