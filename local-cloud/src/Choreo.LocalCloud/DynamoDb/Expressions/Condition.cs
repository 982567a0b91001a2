namespace Choreo.LocalCloud.DynamoDb.Expressions;

/// <summary>A parsed condition, filter or key condition expression.</summary>
public abstract record Condition;
