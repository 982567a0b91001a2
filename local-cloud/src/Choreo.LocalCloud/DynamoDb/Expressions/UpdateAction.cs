namespace Choreo.LocalCloud.DynamoDb.Expressions;

/// <summary>One action of an update expression (<c>SET</c>, <c>REMOVE</c>, <c>ADD</c> or <c>DELETE</c>) on one path.</summary>
public sealed record UpdateAction(UpdateActionKind Kind, AttributePath Path, Operand? Value);
