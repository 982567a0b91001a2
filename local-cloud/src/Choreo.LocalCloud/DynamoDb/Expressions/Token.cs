namespace Choreo.LocalCloud.DynamoDb.Expressions;

/// <summary>One token and where it starts in the expression (for error messages).</summary>
public sealed record Token(TokenKind Kind, string Text, int Position);
