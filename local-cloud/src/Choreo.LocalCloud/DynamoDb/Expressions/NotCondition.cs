namespace Choreo.LocalCloud.DynamoDb.Expressions;

/// <summary><c>NOT inner</c>.</summary>
public sealed record NotCondition(Condition Inner) : Condition;
