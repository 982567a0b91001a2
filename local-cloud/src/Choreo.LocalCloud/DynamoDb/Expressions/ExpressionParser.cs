using Choreo.LocalCloud.DynamoDb.Model;

namespace Choreo.LocalCloud.DynamoDb.Expressions;

/// <summary>
/// A recursive-descent parser for DynamoDB's expression languages, with AWS's precedence
/// (comparisons, BETWEEN and IN bind tighter than NOT, NOT than AND, AND than OR). <paramref name="kind"/> names the
/// request parameter in error messages, e.g. <c>ConditionExpression</c>.
/// </summary>
public sealed class ExpressionParser
{
    private const int MaxInCandidates = 100;

    private static readonly HashSet<string> ConditionFunctions = ["attribute_exists", "attribute_not_exists", "attribute_type", "begins_with", "contains"];
    private static readonly HashSet<string> ValidTypes = ["B", "NULL", "SS", "BOOL", "L", "BS", "N", "NS", "S", "M"];

    private readonly List<Token> _tokens;
    private readonly ExpressionAttributes _attributes;
    private readonly string _kind;
    private int _position;

    private ExpressionParser(string expression, ExpressionAttributes attributes, string kind)
    {
        if (string.IsNullOrWhiteSpace(expression))
        {
            throw DynamoDbErrors.Validation($"Invalid {kind}: The expression can not be empty;");
        }
        _tokens = ExpressionLexer.Tokenize(expression, kind);
        _attributes = attributes;
        _kind = kind;
    }

    public static Condition ParseCondition(string expression, ExpressionAttributes attributes, string kind)
    {
        var parser = new ExpressionParser(expression, attributes, kind);
        var condition = parser.Or();
        parser.Expect(TokenKind.End);
        return condition;
    }

    public static IReadOnlyList<AttributePath> ParseProjection(string expression, ExpressionAttributes attributes)
    {
        var parser = new ExpressionParser(expression, attributes, "ProjectionExpression");
        var paths = new List<AttributePath> { parser.Path() };
        while (parser.Accept(TokenKind.Comma))
        {
            paths.Add(parser.Path());
        }
        parser.Expect(TokenKind.End);
        for (var i = 0; i < paths.Count; i++)
        {
            for (var j = i + 1; j < paths.Count; j++)
            {
                if (paths[i].Overlaps(paths[j]))
                {
                    throw ExpressionErrors.Invalid("ProjectionExpression",
                        $"Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [{Describe(paths[i])}], path two: [{Describe(paths[j])}]");
                }
            }
        }
        return paths;
    }

    public static IReadOnlyList<UpdateAction> ParseUpdate(string expression, ExpressionAttributes attributes)
    {
        var parser = new ExpressionParser(expression, attributes, "UpdateExpression");
        var actions = new List<UpdateAction>();
        var seen = new HashSet<UpdateActionKind>();
        while (parser.Current.Kind != TokenKind.End)
        {
            var clause = parser.Current;
            UpdateActionKind kind = clause.Kind == TokenKind.Name ? clause.Text.ToUpperInvariant() switch
            {
                "SET" => UpdateActionKind.Set,
                "REMOVE" => UpdateActionKind.Remove,
                "ADD" => UpdateActionKind.Add,
                "DELETE" => UpdateActionKind.Delete,
                _ => throw ExpressionErrors.Syntax("UpdateExpression", clause.Text, clause.Position),
            } : throw ExpressionErrors.Syntax("UpdateExpression", clause.Text, clause.Position);
            parser._position++;
            if (!seen.Add(kind))
            {
                throw ExpressionErrors.Invalid("UpdateExpression",
                    $"The \"{kind.ToString().ToUpperInvariant()}\" section can only be used once in an update expression;");
            }
            do
            {
                actions.Add(parser.Action(kind));
            }
            while (parser.Accept(TokenKind.Comma));
        }
        for (var i = 0; i < actions.Count; i++)
        {
            for (var j = i + 1; j < actions.Count; j++)
            {
                if (actions[i].Path.Overlaps(actions[j].Path))
                {
                    throw ExpressionErrors.Invalid("UpdateExpression",
                        $"Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [{Describe(actions[i].Path)}], path two: [{Describe(actions[j].Path)}]");
                }
            }
        }
        return actions;
    }

    private static string Describe(AttributePath path) => string.Join(", ", path.Elements.Select(element => element.ToString()));

    private Token Current => _tokens[_position];

    private UpdateAction Action(UpdateActionKind kind)
    {
        var path = Path();
        switch (kind)
        {
            case UpdateActionKind.Set:
                Expect(TokenKind.Equal);
                var value = SetValue();
                return new UpdateAction(kind, path, value);
            case UpdateActionKind.Remove:
                return new UpdateAction(kind, path, null);
            default:
                var operand = Current.Kind == TokenKind.ValuePlaceholder
                    ? Value()
                    : throw ExpressionErrors.Syntax("UpdateExpression", Current.Text, Current.Position);
                var type = ((ValueOperand)operand).Value.Type;
                var allowed = kind == UpdateActionKind.Add ? type is AttributeType.N || ((ValueOperand)operand).Value.IsSet : ((ValueOperand)operand).Value.IsSet;
                if (!allowed)
                {
                    throw ExpressionErrors.Invalid("UpdateExpression",
                        $"Incorrect operand type for operator or function; operator: {kind.ToString().ToUpperInvariant()}, operand type: {TypeName(type)}");
                }
                return new UpdateAction(kind, path, operand);
        }
    }

    private Operand SetValue()
    {
        var left = SetOperand();
        if (Current.Kind is TokenKind.Plus or TokenKind.Minus)
        {
            var add = Current.Kind == TokenKind.Plus;
            _position++;
            var right = SetOperand();
            return new ArithmeticOperand(left, add, right);
        }
        return left;
    }

    private Operand SetOperand()
    {
        if (Current.Kind == TokenKind.Name && Peek(1).Kind == TokenKind.LeftParen)
        {
            var name = Current;
            _position += 2;
            switch (name.Text)
            {
                case "if_not_exists":
                    var path = Path();
                    Expect(TokenKind.Comma);
                    var fallback = SetOperand();
                    Expect(TokenKind.RightParen);
                    return new IfNotExistsOperand(path, fallback);
                case "list_append":
                    var first = SetOperand();
                    Expect(TokenKind.Comma);
                    var second = SetOperand();
                    Expect(TokenKind.RightParen);
                    return new ListAppendOperand(first, second);
                default:
                    throw ExpressionErrors.Invalid("UpdateExpression", $"Invalid function name; function: {name.Text}");
            }
        }
        return Current.Kind == TokenKind.ValuePlaceholder ? Value() : new PathOperand(Path());
    }

    private Condition Or()
    {
        var left = And();
        while (AcceptKeyword("OR"))
        {
            left = new OrCondition(left, And());
        }
        return left;
    }

    private Condition And()
    {
        var left = Not();
        while (AcceptKeyword("AND"))
        {
            left = new AndCondition(left, Not());
        }
        return left;
    }

    private Condition Not() => AcceptKeyword("NOT") ? new NotCondition(Not()) : Primary();

    private Condition Primary()
    {
        if (Accept(TokenKind.LeftParen))
        {
            var inner = Or();
            Expect(TokenKind.RightParen);
            return inner;
        }
        if (Current.Kind == TokenKind.Name && Peek(1).Kind == TokenKind.LeftParen && Current.Text != "size")
        {
            return Function();
        }
        var left = ConditionOperand();
        var op = Current;
        switch (op.Kind)
        {
            case TokenKind.Equal or TokenKind.NotEqual or TokenKind.Less or TokenKind.LessOrEqual or TokenKind.Greater or TokenKind.GreaterOrEqual:
                _position++;
                var right = ConditionOperand();
                if (op.Kind is not (TokenKind.Equal or TokenKind.NotEqual))
                {
                    RequireOrderable(left, op.Text);
                    RequireOrderable(right, op.Text);
                }
                return new ComparisonCondition(op.Kind, left, right);
            case TokenKind.Name when op.Text.Equals("BETWEEN", StringComparison.OrdinalIgnoreCase):
                _position++;
                var low = ConditionOperand();
                if (!AcceptKeyword("AND"))
                {
                    throw ExpressionErrors.Syntax(_kind, Current.Text, Current.Position);
                }
                var high = ConditionOperand();
                RequireOrderable(low, "BETWEEN");
                RequireOrderable(high, "BETWEEN");
                if (low is ValueOperand lowValue && high is ValueOperand highValue)
                {
                    if (lowValue.Value.Type != highValue.Value.Type)
                    {
                        throw ExpressionErrors.Invalid(_kind,
                            $"The BETWEEN operator requires same data type for lower and upper bounds; lower bound operand: AttributeValue: {{{lowValue.Value.Type}:{Text(lowValue.Value)}}}, upper bound operand: AttributeValue: {{{highValue.Value.Type}:{Text(highValue.Value)}}}");
                    }
                    if (AttributeValue.CompareScalars(lowValue.Value, highValue.Value) > 0)
                    {
                        throw ExpressionErrors.Invalid(_kind,
                            $"The BETWEEN operator requires upper bound to be greater than or equal to lower bound; lower bound operand: AttributeValue: {{{lowValue.Value.Type}:{Text(lowValue.Value)}}}, upper bound operand: AttributeValue: {{{highValue.Value.Type}:{Text(highValue.Value)}}}");
                    }
                }
                return new BetweenCondition(left, low, high);
            case TokenKind.Name when op.Text.Equals("IN", StringComparison.OrdinalIgnoreCase):
                _position++;
                Expect(TokenKind.LeftParen);
                var candidates = new List<Operand> { ConditionOperand() };
                while (Accept(TokenKind.Comma))
                {
                    candidates.Add(ConditionOperand());
                }
                Expect(TokenKind.RightParen);
                if (candidates.Count > MaxInCandidates)
                {
                    throw ExpressionErrors.Invalid(_kind,
                        $"The IN operator is provided with too many operands; number of operands: {candidates.Count}");
                }
                return new InCondition(left, candidates);
            default:
                throw ExpressionErrors.Syntax(_kind, op.Text, op.Position);
        }
    }

    private Condition Function()
    {
        var name = Current;
        if (!ConditionFunctions.Contains(name.Text))
        {
            throw ExpressionErrors.Invalid(_kind, $"Invalid function name; function: {name.Text}");
        }
        _position += 2;
        var arguments = new List<Operand>();
        if (Current.Kind != TokenKind.RightParen)
        {
            arguments.Add(ConditionOperand());
            while (Accept(TokenKind.Comma))
            {
                arguments.Add(ConditionOperand());
            }
        }
        Expect(TokenKind.RightParen);
        var expected = name.Text is "attribute_exists" or "attribute_not_exists" ? 1 : 2;
        if (arguments.Count != expected)
        {
            throw ExpressionErrors.Invalid(_kind,
                $"Incorrect number of operands for operator or function; operator or function: {name.Text}, number of operands: {arguments.Count}");
        }
        if (arguments[0] is not PathOperand)
        {
            throw ExpressionErrors.Invalid(_kind, $"Operator or function requires a document path; operator or function: {name.Text}");
        }
        if (arguments.Count == 2 && arguments[1] is ValueOperand { Value: var value })
        {
            switch (name.Text)
            {
                case "attribute_type":
                    if (value.Type != AttributeType.S)
                    {
                        throw ExpressionErrors.OperandType(_kind, name.Text, value.Type);
                    }
                    if (!ValidTypes.Contains(value.AsString))
                    {
                        throw ExpressionErrors.Invalid(_kind,
                            $"Invalid attribute type name found; type: {value.AsString}, valid types: {{B,NULL,SS,BOOL,L,BS,N,NS,S,M}}");
                    }
                    break;
                case "begins_with" when value.Type is not (AttributeType.S or AttributeType.B):
                    throw ExpressionErrors.OperandType(_kind, name.Text, value.Type);
            }
        }
        return new FunctionCondition(name.Text, arguments);
    }

    private Operand ConditionOperand()
    {
        if (Current.Kind == TokenKind.Name && Current.Text == "size" && Peek(1).Kind == TokenKind.LeftParen)
        {
            _position += 2;
            var argument = ConditionOperand();
            Expect(TokenKind.RightParen);
            return argument is PathOperand path
                ? new SizeOperand(path.Path)
                : throw ExpressionErrors.Invalid(_kind, "Operator or function requires a document path; operator or function: size");
        }
        if (Current.Kind == TokenKind.Name && Peek(1).Kind == TokenKind.LeftParen)
        {
            throw ExpressionErrors.Invalid(_kind, $"The function is not allowed to be used this way in an expression; function: {Current.Text}");
        }
        return Current.Kind == TokenKind.ValuePlaceholder ? Value() : new PathOperand(Path());
    }

    private ValueOperand Value()
    {
        var token = Expect(TokenKind.ValuePlaceholder);
        return new ValueOperand(token.Text, _attributes.Value(token.Text, _kind));
    }

    private AttributePath Path()
    {
        var elements = new List<PathElement> { new(PathName(), 0) };
        while (true)
        {
            if (Accept(TokenKind.Dot))
            {
                elements.Add(new PathElement(PathName(), 0));
            }
            else if (Accept(TokenKind.LeftBracket))
            {
                var index = Expect(TokenKind.Integer);
                Expect(TokenKind.RightBracket);
                if (!int.TryParse(index.Text, out var number))
                {
                    throw ExpressionErrors.Invalid(_kind, $"List index is not within the allowable range; index: [{index.Text}]");
                }
                elements.Add(new PathElement(null, number));
            }
            else
            {
                return new AttributePath(elements);
            }
        }
    }

    private string PathName()
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.NamePlaceholder:
                _position++;
                return _attributes.Name(token.Text, _kind);
            case TokenKind.Name:
                if (ReservedWords.Contains(token.Text))
                {
                    throw ExpressionErrors.Reserved(_kind, token.Text);
                }
                _position++;
                return token.Text;
            default:
                throw ExpressionErrors.Syntax(_kind, token.Text, token.Position);
        }
    }

    private void RequireOrderable(Operand operand, string op)
    {
        if (operand is ValueOperand { Value.Type: var type } && type is not (AttributeType.S or AttributeType.N or AttributeType.B))
        {
            throw ExpressionErrors.OperandType(_kind, op, type);
        }
    }

    private static string Text(AttributeValue value) => value.Type switch
    {
        AttributeType.S => value.AsString,
        AttributeType.N => value.AsNumber.ToString(),
        _ => Convert.ToBase64String(value.AsBinary),
    };

    private static string TypeName(AttributeType type) => type switch
    {
        AttributeType.S => "STRING",
        AttributeType.N => "NUMBER",
        AttributeType.B => "BINARY",
        AttributeType.BOOL => "BOOLEAN",
        AttributeType.M => "MAP",
        AttributeType.L => "LIST",
        _ => type.ToString(),
    };

    private Token Peek(int ahead) => _tokens[Math.Min(_position + ahead, _tokens.Count - 1)];

    private bool Accept(TokenKind kind)
    {
        if (Current.Kind != kind)
        {
            return false;
        }
        _position++;
        return true;
    }

    private bool AcceptKeyword(string keyword)
    {
        if (Current.Kind != TokenKind.Name || !Current.Text.Equals(keyword, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        _position++;
        return true;
    }

    private Token Expect(TokenKind kind)
    {
        var token = Current;
        if (token.Kind != kind)
        {
            throw ExpressionErrors.Syntax(_kind, token.Text, token.Position);
        }
        _position++;
        return token;
    }
}
