namespace Choreo.LocalCloud.DynamoDb.Expressions;

/// <summary>Something an expression computes a value from: a path, a <c>:value</c>, or a function of them.</summary>
public abstract record Operand;
