using System.Text.Json;
using Choreo.LocalCloud.EventBridge.Patterns.Matchers;
using Choreo.LocalCloud.EventBridge.Patterns.Values;
using static Choreo.LocalCloud.EventBridge.Patterns.Compilation.PatternJson;

namespace Choreo.LocalCloud.EventBridge.Patterns.Compilation;

/// <summary>
/// Compiles the array of a <c>numeric</c> expression: <c>["=", x]</c>, <c>["&lt;", x]</c>, <c>["&lt;=", x]</c>,
/// <c>["&gt;", x]</c>, <c>["&gt;=", x]</c>, or a lower bound followed by an upper bound.
/// Checks run in the order AWS reads the array, so the first problem gives AWS's message.
/// </summary>
internal static class NumericExpressionCompiler
{
    public const string TooManyElements = "Too many elements in numeric expression";

    public static ValueMatcher Compile(JsonElement array)
    {
        var items = array.EnumerateArray().ToArray();
        JsonElement? Token(int i) => i < items.Length ? items[i] : null;

        var first = Token(0);
        if (!IsString(first))
        {
            throw Invalid("Invalid member in numeric match: " + TokenText(first));
        }
        var op = first!.Value.GetString()!;
        var operand = Token(1);
        switch (op)
        {
            case "=":
                RequireNumber(operand, "equals");
                RequireEnd(Token(2));
                return NumericRangeMatcher.EqualTo(Comparable(operand!.Value));
            case "<":
            case "<=":
                RequireNumber(operand, op);
                RequireEnd(Token(2));
                return new NumericRangeMatcher(ComparableNumber.Lowest, false, Comparable(operand!.Value), op == "<");
            case ">":
            case ">=":
                RequireNumber(operand, op);
                var openBottom = op == ">";
                var next = Token(2);
                if (next is null)
                {
                    return new NumericRangeMatcher(Comparable(operand!.Value), openBottom, ComparableNumber.Highest, false);
                }
                return CompleteRange(operand!.Value, openBottom, next.Value, Token(3), Token(4));
            default:
                throw Invalid("Unrecognized numeric range operator: " + op);
        }
    }

    private static ValueMatcher CompleteRange(JsonElement bottom, bool openBottom, JsonElement upperOp, JsonElement? top, JsonElement? after)
    {
        if (!IsString(upperOp))
        {
            throw Invalid("Bad value in numeric range: " + TokenText(upperOp));
        }
        var op = upperOp.GetString()!;
        if (op != "<" && op != "<=")
        {
            throw Invalid("Bad numeric range operator: " + op);
        }
        RequireNumber(top, op);
        if (after is not null)
        {
            throw Invalid("Too many terms in numeric range expression");
        }
        var low = Comparable(bottom);
        var high = Comparable(top!.Value);
        if (low >= high)
        {
            throw Invalid("Bottom must be less than top");
        }
        return new NumericRangeMatcher(low, openBottom, high, op == "<");
    }

    private static void RequireNumber(JsonElement? token, string operatorName)
    {
        if (!IsNumber(token))
        {
            throw Invalid($"Value of {operatorName} must be numeric");
        }
    }

    private static void RequireEnd(JsonElement? token)
    {
        if (token is not null)
        {
            throw Invalid(TooManyElements);
        }
    }

    /// <summary>A pattern number in AWS's comparable range, or AWS's range error.</summary>
    public static long Comparable(JsonElement number) =>
        ComparableNumber.TryParse(number.GetRawText(), out var comparable)
            ? comparable
            : throw Invalid(ComparableNumber.OutOfRangeMessage);

    private static InvalidEventPatternException Invalid(string reason) => new(reason);
}
