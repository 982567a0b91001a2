namespace Choreo.LocalCloud.DynamoDb.Expressions;

/// <summary><c>size(path)</c>: length of a string or binary, member count of a set, list or map.</summary>
public sealed record SizeOperand(AttributePath Path) : Operand;
