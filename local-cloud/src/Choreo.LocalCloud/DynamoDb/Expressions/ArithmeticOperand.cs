namespace Choreo.LocalCloud.DynamoDb.Expressions;

/// <summary><c>left + right</c> or <c>left - right</c> in a SET action; both must be numbers.</summary>
public sealed record ArithmeticOperand(Operand Left, bool Add, Operand Right) : Operand;
