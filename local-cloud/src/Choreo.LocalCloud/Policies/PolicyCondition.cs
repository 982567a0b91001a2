using System.Text.Json.Nodes;

namespace Choreo.LocalCloud.Policies;

/// <summary>
/// A statement's <c>Condition</c> block against a request's condition keys: every operator and every key in it must
/// hold. String, ARN and Bool operators (with <c>IfExists</c> and the set qualifiers) are evaluated; any other
/// operator does not hold. A key in <paramref name="undecided"/> holds when <paramref name="undecidedHolds"/>, else fails.
/// </summary>
public static class PolicyCondition
{
    public static bool Holds(JsonObject condition, IReadOnlyDictionary<string, string> keys, IReadOnlySet<string>? undecided = null, bool undecidedHolds = true)
    {
        foreach (var (operatorName, block) in condition)
        {
            if (block is not JsonObject entries)
            {
                return false;
            }

            foreach (var (key, values) in entries)
            {
                if (undecided?.Contains(key) == true)
                {
                    if (!undecidedHolds)
                    {
                        return false;
                    }

                    continue;
                }

                if (!OperatorHolds(operatorName, key, Strings(values), keys))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static bool OperatorHolds(string operatorName, string key, IReadOnlyList<string> expected, IReadOnlyDictionary<string, string> keys)
    {
        var qualifier = "";
        var op = operatorName;
        var colon = operatorName.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0)
        {
            qualifier = operatorName[..colon];
            op = operatorName[(colon + 1)..];
        }

        var ifExists = op.EndsWith("IfExists", StringComparison.Ordinal);
        if (ifExists)
        {
            op = op[..^"IfExists".Length];
        }

        var actual = keys.FirstOrDefault(pair => string.Equals(pair.Key, key, StringComparison.OrdinalIgnoreCase)).Value;
        if (actual is null)
        {
            // Organizations are not modelled, so aws:PrincipalOrgID (and any unknown key) is absent: a plain
            // condition on it fails; ForAllValues over nothing and ...IfExists hold, as in IAM.
            return !key.Equals("aws:PrincipalOrgID", StringComparison.OrdinalIgnoreCase) && (ifExists || qualifier == "ForAllValues");
        }

        // Every context value here is single-valued, so ForAnyValue and ForAllValues reduce to the plain operator.
        return op switch
        {
            "StringEquals" or "ArnEquals" => expected.Any(value => value == actual),
            "StringNotEquals" or "ArnNotEquals" => expected.All(value => value != actual),
            "StringEqualsIgnoreCase" => expected.Any(value => string.Equals(value, actual, StringComparison.OrdinalIgnoreCase)),
            "StringNotEqualsIgnoreCase" => expected.All(value => !string.Equals(value, actual, StringComparison.OrdinalIgnoreCase)),
            "Bool" => expected.Any(value => string.Equals(value, actual, StringComparison.OrdinalIgnoreCase)),
            "StringLike" or "ArnLike" => expected.Any(value => WildcardPattern.Matches(value, actual, ignoreCase: false)),
            "StringNotLike" or "ArnNotLike" => expected.All(value => !WildcardPattern.Matches(value, actual, ignoreCase: false)),
            _ => false,
        };
    }

    private static IReadOnlyList<string> Strings(JsonNode? node) => node switch
    {
        null => [],
        JsonArray array => [.. array.Select(item => item?.ToString() ?? "")],
        _ => [node.ToString()],
    };
}
