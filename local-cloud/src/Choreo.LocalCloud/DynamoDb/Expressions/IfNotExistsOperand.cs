namespace Choreo.LocalCloud.DynamoDb.Expressions;

/// <summary><c>if_not_exists(path, value)</c> in a SET action.</summary>
public sealed record IfNotExistsOperand(AttributePath Path, Operand Fallback) : Operand;
