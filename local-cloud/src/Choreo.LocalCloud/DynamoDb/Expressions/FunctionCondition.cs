namespace Choreo.LocalCloud.DynamoDb.Expressions;

/// <summary>
/// A boolean function: <c>attribute_exists</c>, <c>attribute_not_exists</c>, <c>attribute_type</c>,
/// <c>begins_with</c> or <c>contains</c>.
/// </summary>
public sealed record FunctionCondition(string Function, IReadOnlyList<Operand> Arguments) : Condition;
