using Choreo.LocalCloud.DynamoDb.Model;

namespace Choreo.LocalCloud.DynamoDb.Expressions;

/// <summary>A <c>:placeholder</c> from ExpressionAttributeValues.</summary>
public sealed record ValueOperand(string Placeholder, AttributeValue Value) : Operand;
