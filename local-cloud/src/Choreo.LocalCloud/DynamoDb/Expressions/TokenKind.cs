namespace Choreo.LocalCloud.DynamoDb.Expressions;

/// <summary>The kinds of token in DynamoDB's expression languages.</summary>
public enum TokenKind
{
    Name,
    NamePlaceholder,
    ValuePlaceholder,
    Integer,
    LeftParen,
    RightParen,
    LeftBracket,
    RightBracket,
    Dot,
    Comma,
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    Plus,
    Minus,
    End,
}
