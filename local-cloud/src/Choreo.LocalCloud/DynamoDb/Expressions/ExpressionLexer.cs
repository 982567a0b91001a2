namespace Choreo.LocalCloud.DynamoDb.Expressions;

/// <summary>Splits an expression into tokens; a character that starts no token is a syntax error, as in DynamoDB.</summary>
public static class ExpressionLexer
{
    public static List<Token> Tokenize(string expression, string kind)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < expression.Length)
        {
            var c = expression[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }
            var start = i;
            switch (c)
            {
                case '(': tokens.Add(new Token(TokenKind.LeftParen, "(", i++)); continue;
                case ')': tokens.Add(new Token(TokenKind.RightParen, ")", i++)); continue;
                case '[': tokens.Add(new Token(TokenKind.LeftBracket, "[", i++)); continue;
                case ']': tokens.Add(new Token(TokenKind.RightBracket, "]", i++)); continue;
                case '.': tokens.Add(new Token(TokenKind.Dot, ".", i++)); continue;
                case ',': tokens.Add(new Token(TokenKind.Comma, ",", i++)); continue;
                case '=': tokens.Add(new Token(TokenKind.Equal, "=", i++)); continue;
                case '+': tokens.Add(new Token(TokenKind.Plus, "+", i++)); continue;
                case '-': tokens.Add(new Token(TokenKind.Minus, "-", i++)); continue;
                case '<':
                    if (i + 1 < expression.Length && expression[i + 1] == '>')
                    {
                        tokens.Add(new Token(TokenKind.NotEqual, "<>", i));
                        i += 2;
                    }
                    else if (i + 1 < expression.Length && expression[i + 1] == '=')
                    {
                        tokens.Add(new Token(TokenKind.LessOrEqual, "<=", i));
                        i += 2;
                    }
                    else
                    {
                        tokens.Add(new Token(TokenKind.Less, "<", i++));
                    }
                    continue;
                case '>':
                    if (i + 1 < expression.Length && expression[i + 1] == '=')
                    {
                        tokens.Add(new Token(TokenKind.GreaterOrEqual, ">=", i));
                        i += 2;
                    }
                    else
                    {
                        tokens.Add(new Token(TokenKind.Greater, ">", i++));
                    }
                    continue;
                case '#' or ':':
                    i++;
                    while (i < expression.Length && IsNameChar(expression[i]))
                    {
                        i++;
                    }
                    if (i == start + 1)
                    {
                        throw ExpressionErrors.Syntax(kind, expression[start].ToString(), start);
                    }
                    tokens.Add(new Token(c == '#' ? TokenKind.NamePlaceholder : TokenKind.ValuePlaceholder, expression[start..i], start));
                    continue;
            }
            if (char.IsAsciiDigit(c))
            {
                while (i < expression.Length && char.IsAsciiDigit(expression[i]))
                {
                    i++;
                }
                tokens.Add(new Token(TokenKind.Integer, expression[start..i], start));
                continue;
            }
            if (IsNameStart(c))
            {
                while (i < expression.Length && IsNameChar(expression[i]))
                {
                    i++;
                }
                tokens.Add(new Token(TokenKind.Name, expression[start..i], start));
                continue;
            }
            throw ExpressionErrors.InvalidCharacter(kind, c, start);
        }
        tokens.Add(new Token(TokenKind.End, "<EOF>", expression.Length));
        return tokens;
    }

    private static bool IsNameStart(char c) => char.IsAsciiLetter(c) || c == '_';

    private static bool IsNameChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';
}
