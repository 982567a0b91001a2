namespace Choreo.LocalCloud.DynamoDb.Expressions;

/// <summary>The value at a document path of the item (absent when the item has none there).</summary>
public sealed record PathOperand(AttributePath Path) : Operand;
