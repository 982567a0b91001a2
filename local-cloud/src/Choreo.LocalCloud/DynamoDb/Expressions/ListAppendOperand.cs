namespace Choreo.LocalCloud.DynamoDb.Expressions;

/// <summary><c>list_append(first, second)</c> in a SET action.</summary>
public sealed record ListAppendOperand(Operand First, Operand Second) : Operand;
