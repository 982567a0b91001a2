using System.Globalization;
using Choreo.LocalCloud.DynamoDb.Model;

namespace Choreo.LocalCloud.DynamoDb.Expressions;

/// <summary>
/// Evaluates conditions against an item (null: no item). As in DynamoDB, a comparison with a missing attribute or
/// across types is false, except <c>&lt;&gt;</c>, which is true.
/// </summary>
public static class ConditionEvaluator
{
    public static bool Evaluate(Condition condition, IReadOnlyDictionary<string, AttributeValue>? item) => condition switch
    {
        AndCondition and => Evaluate(and.Left, item) && Evaluate(and.Right, item),
        OrCondition or => Evaluate(or.Left, item) || Evaluate(or.Right, item),
        NotCondition not => !Evaluate(not.Inner, item),
        ComparisonCondition comparison => Compare(comparison.Operator, Operand(comparison.Left, item), Operand(comparison.Right, item)),
        BetweenCondition between => Between(Operand(between.Value, item), Operand(between.Low, item), Operand(between.High, item)),
        InCondition @in => Operand(@in.Value, item) is { } value && @in.Candidates.Any(candidate => value.Equals(Operand(candidate, item))),
        FunctionCondition function => Function(function, item),
        _ => throw new InvalidOperationException($"unknown condition {condition.GetType().Name}"),
    };

    public static AttributeValue? Operand(Operand operand, IReadOnlyDictionary<string, AttributeValue>? item) => operand switch
    {
        ValueOperand value => value.Value,
        PathOperand path => DocumentPaths.Get(item, path.Path),
        SizeOperand size => DocumentPaths.Get(item, size.Path) is { } value && Size(value) is { } length
            ? AttributeValue.Number(DynamoNumber.Parse(length.ToString(CultureInfo.InvariantCulture)))
            : null,
        _ => throw new InvalidOperationException($"{operand.GetType().Name} is only valid in an update expression"),
    };

    private static int? Size(AttributeValue value) => value.Type switch
    {
        AttributeType.S => value.AsString.Length,
        AttributeType.B => value.AsBinary.Length,
        AttributeType.M => value.AsMap.Count,
        AttributeType.L => value.AsList.Count,
        AttributeType.SS or AttributeType.NS or AttributeType.BS => value.SetCount,
        _ => null,
    };

    private static bool Compare(TokenKind op, AttributeValue? left, AttributeValue? right)
    {
        if (op == TokenKind.NotEqual)
        {
            return left is null || right is null || !left.Equals(right);
        }
        if (left is null || right is null)
        {
            return false;
        }
        if (op == TokenKind.Equal)
        {
            return left.Equals(right);
        }
        if (left.Type != right.Type || left.Type is not (AttributeType.S or AttributeType.N or AttributeType.B))
        {
            return false;
        }
        var order = AttributeValue.CompareScalars(left, right);
        return op switch
        {
            TokenKind.Less => order < 0,
            TokenKind.LessOrEqual => order <= 0,
            TokenKind.Greater => order > 0,
            _ => order >= 0,
        };
    }

    private static bool Between(AttributeValue? value, AttributeValue? low, AttributeValue? high) =>
        value is not null && low is not null && high is not null
        && Compare(TokenKind.GreaterOrEqual, value, low) && Compare(TokenKind.LessOrEqual, value, high);

    private static bool Function(FunctionCondition function, IReadOnlyDictionary<string, AttributeValue>? item)
    {
        var subject = Operand(function.Arguments[0], item);
        switch (function.Function)
        {
            case "attribute_exists":
                return subject is not null;
            case "attribute_not_exists":
                return subject is null;
        }
        var argument = Operand(function.Arguments[1], item);
        if (subject is null || argument is null)
        {
            return false;
        }
        return function.Function switch
        {
            "attribute_type" => argument.Type == AttributeType.S && subject.Type.ToString() == argument.AsString,
            "begins_with" => subject.Type == argument.Type && subject.Type switch
            {
                AttributeType.S => subject.AsString.StartsWith(argument.AsString, StringComparison.Ordinal),
                AttributeType.B => subject.AsBinary.AsSpan().StartsWith(argument.AsBinary),
                _ => false,
            },
            "contains" => subject.Type switch
            {
                AttributeType.S => argument.Type == AttributeType.S && subject.AsString.Contains(argument.AsString, StringComparison.Ordinal),
                AttributeType.B => argument.Type == AttributeType.B && subject.AsBinary.AsSpan().IndexOf(argument.AsBinary) >= 0,
                AttributeType.SS or AttributeType.NS or AttributeType.BS => subject.SetMembers.Contains(argument),
                AttributeType.L => subject.AsList.Contains(argument),
                _ => false,
            },
            _ => false,
        };
    }
}
