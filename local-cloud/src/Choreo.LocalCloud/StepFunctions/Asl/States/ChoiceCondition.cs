using System.Text.Json;
using System.Text.Json.Nodes;
using Choreo.LocalCloud.StepFunctions.Asl.Json;
using Choreo.LocalCloud.StepFunctions.Asl.Paths;
using Choreo.LocalCloud.StepFunctions.Execution;

namespace Choreo.LocalCloud.StepFunctions.Asl.States;

/// <summary>A Choice rule's condition: a comparison on a variable, or Not / And / Or of conditions.</summary>
public abstract record ChoiceCondition
{
    public abstract bool Evaluate(StateInvocation invocation, JsonNode? input);

    public sealed record Not(ChoiceCondition Inner) : ChoiceCondition
    {
        public override bool Evaluate(StateInvocation invocation, JsonNode? input) => !Inner.Evaluate(invocation, input);
    }

    public sealed record And(IReadOnlyList<ChoiceCondition> Conditions) : ChoiceCondition
    {
        public override bool Evaluate(StateInvocation invocation, JsonNode? input) =>
            Conditions.All(c => c.Evaluate(invocation, input));
    }

    public sealed record Or(IReadOnlyList<ChoiceCondition> Conditions) : ChoiceCondition
    {
        public override bool Evaluate(StateInvocation invocation, JsonNode? input) =>
            Conditions.Any(c => c.Evaluate(invocation, input));
    }

    /// <summary>
    /// <paramref name="Operator"/> is the field name without a <c>Path</c> suffix (e.g. NumericEquals);
    /// the right side is a literal, or a path when <paramref name="ValuePath"/> is set.
    /// </summary>
    public sealed record Comparison(JsonPath Variable, string Operator, JsonNode? Value, JsonPath? ValuePath) : ChoiceCondition
    {
        public override bool Evaluate(StateInvocation invocation, JsonNode? input)
        {
            var root = Variable.IsContext ? invocation.Context.RootFor(Variable) : input;
            var present = Variable.TrySelectSingle(root, out var left);
            if (Operator == "IsPresent")
            {
                return present == Expected();
            }

            if (!present)
            {
                throw StateError.Runtime($"Invalid path '{Variable.Text}': The choice state's condition path references an invalid value.");
            }

            switch (Operator)
            {
                case "IsNull":
                    return (JsonText.Kind(left) == JsonValueKind.Null) == Expected();
                case "IsNumeric":
                    return JsonText.IsNumber(left) == Expected();
                case "IsString":
                    return JsonText.IsString(left) == Expected();
                case "IsBoolean":
                    return JsonText.IsBoolean(left) == Expected();
                case "IsTimestamp":
                    return (JsonText.TryGetString(left, out var ts) && AslTimestamp.TryParse(ts, out _)) == Expected();
            }

            var right = Value;
            if (ValuePath is { } valuePath)
            {
                var valueRoot = valuePath.IsContext ? invocation.Context.RootFor(valuePath) : input;
                if (!valuePath.TrySelectSingle(valueRoot, out right))
                {
                    throw StateError.Runtime($"Invalid path '{valuePath.Text}': The choice state's condition path references an invalid value.");
                }
            }

            return Compare(left, right);
        }

        private bool Expected() => JsonText.Kind(Value) == JsonValueKind.True;

        private bool Compare(JsonNode? left, JsonNode? right)
        {
            if (Operator.StartsWith("String", StringComparison.Ordinal))
            {
                if (!JsonText.TryGetString(left, out var l) || !JsonText.TryGetString(right, out var r))
                {
                    return false;
                }

                return Operator == "StringMatches" ? WildcardMatch(l, r) : Order(Operator["String".Length..], string.CompareOrdinal(l, r));
            }

            if (Operator.StartsWith("Numeric", StringComparison.Ordinal))
            {
                return JsonText.IsNumber(left) && JsonText.IsNumber(right) &&
                       Order(Operator["Numeric".Length..], JsonText.CompareNumbers(left!, right!));
            }

            if (Operator.StartsWith("Timestamp", StringComparison.Ordinal))
            {
                if (!JsonText.TryGetString(left, out var l) || !JsonText.TryGetString(right, out var r) ||
                    !AslTimestamp.TryParse(l, out var lt) || !AslTimestamp.TryParse(r, out var rt))
                {
                    return false;
                }

                return Order(Operator["Timestamp".Length..], lt.CompareTo(rt));
            }

            if (Operator == "BooleanEquals")
            {
                return JsonText.IsBoolean(left) && JsonText.IsBoolean(right) && JsonText.Kind(left) == JsonText.Kind(right);
            }

            return false;
        }

        private static bool Order(string relation, int order) => relation switch
        {
            "Equals" => order == 0,
            "LessThan" => order < 0,
            "LessThanEquals" => order <= 0,
            "GreaterThan" => order > 0,
            "GreaterThanEquals" => order >= 0,
            _ => false,
        };

        /// <summary>StringMatches: <c>*</c> matches any run of characters; <c>\*</c> and <c>\\</c> are literal.</summary>
        private static bool WildcardMatch(string text, string pattern)
        {
            var tokens = new List<(char C, bool Star)>();
            for (var i = 0; i < pattern.Length; i++)
            {
                if (pattern[i] == '\\' && i + 1 < pattern.Length)
                {
                    tokens.Add((pattern[++i], false));
                }
                else
                {
                    tokens.Add((pattern[i], pattern[i] == '*'));
                }
            }

            var dp = new bool[tokens.Count + 1, text.Length + 1];
            dp[0, 0] = true;
            for (var p = 1; p <= tokens.Count; p++)
            {
                var (c, star) = tokens[p - 1];
                dp[p, 0] = star && dp[p - 1, 0];
                for (var t = 1; t <= text.Length; t++)
                {
                    dp[p, t] = star ? dp[p - 1, t] || dp[p, t - 1] : dp[p - 1, t - 1] && text[t - 1] == c;
                }
            }

            return dp[tokens.Count, text.Length];
        }
    }
}
