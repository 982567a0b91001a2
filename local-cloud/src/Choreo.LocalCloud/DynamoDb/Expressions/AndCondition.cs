namespace Choreo.LocalCloud.DynamoDb.Expressions;

/// <summary><c>left AND right</c>.</summary>
public sealed record AndCondition(Condition Left, Condition Right) : Condition;
