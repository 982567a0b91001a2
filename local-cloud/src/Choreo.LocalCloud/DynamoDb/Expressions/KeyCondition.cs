using Choreo.LocalCloud.DynamoDb.Model;

namespace Choreo.LocalCloud.DynamoDb.Expressions;

/// <summary>
/// A Query's KeyConditionExpression reduced to what DynamoDB allows: the partition key equal to a value, and at most
/// one condition on the sort key (<c>=</c>, <c>&lt;</c>, <c>&lt;=</c>, <c>&gt;</c>, <c>&gt;=</c>, <c>BETWEEN</c>, <c>begins_with</c>).
/// </summary>
public sealed record KeyCondition(AttributeValue Partition, string? SortOperator, AttributeValue? SortLow, AttributeValue? SortHigh)
{
    private const string Kind = "KeyConditionExpression";

    public static KeyCondition From(Condition condition, KeySchema key)
    {
        var parts = new List<Condition>();
        Flatten(condition, parts);
        AttributeValue? partition = null;
        string? sortOperator = null;
        AttributeValue? low = null;
        AttributeValue? high = null;
        foreach (var part in parts)
        {
            var (name, op, first, second) = Describe(part);
            if (name == key.Partition.Name)
            {
                if (partition is not null)
                {
                    throw DynamoDbErrors.Validation("KeyConditionExpressions must only contain one condition per key");
                }
                if (op != "=")
                {
                    throw DynamoDbErrors.Validation("Query key condition not supported");
                }
                partition = Typed(first, key.Partition);
            }
            else if (key.Sort is { } sort && name == sort.Name)
            {
                if (sortOperator is not null)
                {
                    throw DynamoDbErrors.Validation("KeyConditionExpressions must only contain one condition per key");
                }
                if (op == "begins_with" && sort.Type == AttributeType.N)
                {
                    throw ExpressionErrors.OperandType(Kind, "begins_with", AttributeType.N);
                }
                sortOperator = op;
                low = Typed(first, sort);
                high = second is null ? null : Typed(second, sort);
            }
            else
            {
                throw DynamoDbErrors.Validation($"Query condition missed key schema element: {(partition is null ? key.Partition.Name : key.Sort?.Name ?? key.Partition.Name)}");
            }
        }
        if (partition is null)
        {
            throw DynamoDbErrors.Validation($"Query condition missed key schema element: {key.Partition.Name}");
        }
        return new KeyCondition(partition, sortOperator, low, high);
    }

    /// <summary>Whether a sort key value satisfies the sort condition (true when there is none).</summary>
    public bool Matches(AttributeValue? sort)
    {
        if (SortOperator is null)
        {
            return true;
        }
        if (sort is null)
        {
            return false;
        }
        var order = AttributeValue.CompareScalars(sort, SortLow!);
        return SortOperator switch
        {
            "=" => order == 0,
            "<" => order < 0,
            "<=" => order <= 0,
            ">" => order > 0,
            ">=" => order >= 0,
            "BETWEEN" => order >= 0 && AttributeValue.CompareScalars(sort, SortHigh!) <= 0,
            _ => sort.Type == AttributeType.S
                ? sort.AsString.StartsWith(SortLow!.AsString, StringComparison.Ordinal)
                : sort.AsBinary.AsSpan().StartsWith(SortLow!.AsBinary),
        };
    }

    private static void Flatten(Condition condition, List<Condition> parts)
    {
        switch (condition)
        {
            case AndCondition and:
                Flatten(and.Left, parts);
                Flatten(and.Right, parts);
                break;
            case OrCondition:
                throw DynamoDbErrors.Validation($"Invalid operator used in {Kind}: OR");
            case NotCondition:
                throw DynamoDbErrors.Validation($"Invalid operator used in {Kind}: NOT");
            default:
                parts.Add(condition);
                break;
        }
    }

    private static (string Name, string Operator, AttributeValue First, AttributeValue? Second) Describe(Condition part)
    {
        switch (part)
        {
            case ComparisonCondition { Operator: not TokenKind.NotEqual } comparison:
                var op = comparison.Operator switch
                {
                    TokenKind.Equal => "=",
                    TokenKind.Less => "<",
                    TokenKind.LessOrEqual => "<=",
                    TokenKind.Greater => ">",
                    _ => ">=",
                };
                if (comparison.Left is PathOperand left && comparison.Right is ValueOperand right)
                {
                    return (KeyName(left.Path), op, right.Value, null);
                }
                if (comparison.Left is ValueOperand value && comparison.Right is PathOperand path)
                {
                    // `:v < sk` reads as `sk > :v`.
                    var flipped = op switch { "<" => ">", "<=" => ">=", ">" => "<", ">=" => "<=", _ => op };
                    return (KeyName(path.Path), flipped, value.Value, null);
                }
                break;
            case ComparisonCondition { Operator: TokenKind.NotEqual }:
                throw DynamoDbErrors.Validation($"Unsupported operator in {Kind}: <>");
            case BetweenCondition { Value: PathOperand between, Low: ValueOperand low, High: ValueOperand high }:
                return (KeyName(between.Path), "BETWEEN", low.Value, high.Value);
            case FunctionCondition { Function: "begins_with", Arguments: [PathOperand subject, ValueOperand prefix] }:
                return (KeyName(subject.Path), "begins_with", prefix.Value, null);
            case FunctionCondition function:
                throw DynamoDbErrors.Validation($"Invalid {Kind}: The function is not allowed to be used this way in an expression; function: {function.Function}");
            case InCondition:
                throw DynamoDbErrors.Validation($"Invalid operator used in {Kind}: IN");
        }
        throw DynamoDbErrors.Validation("Query key condition not supported");
    }

    private static string KeyName(AttributePath path) =>
        path.Elements.Count == 1 ? path.TopName : throw DynamoDbErrors.Validation("Query key condition not supported");

    private static AttributeValue Typed(AttributeValue value, KeyAttribute key) =>
        value.Type == key.Type ? value : throw DynamoDbErrors.InvalidParameters("Condition parameter type does not match schema type");
}
