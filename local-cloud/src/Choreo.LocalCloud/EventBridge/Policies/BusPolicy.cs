using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Choreo.LocalCloud.EventBridge.Policies;

/// <summary>
/// Evaluates a bus resource policy as IAM does for a resource-based policy alone: an explicit Deny wins, else an
/// Allow whose principal, action, resource and conditions all match allows, else the request is implicitly denied.
/// </summary>
public static class BusPolicy
{
    public static bool Allows(JsonObject? policy, PutEventsAuthorization request)
    {
        var statements = policy?["Statement"] switch
        {
            JsonArray array => array.OfType<JsonObject>().ToList(),
            JsonObject single => [single],
            _ => [],
        };
        var allowed = false;
        foreach (var statement in statements.Where(statement => Applies(statement, request)))
        {
            if (string.Equals(statement["Effect"]?.GetValue<string>(), "Deny", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
            allowed |= string.Equals(statement["Effect"]?.GetValue<string>(), "Allow", StringComparison.OrdinalIgnoreCase);
        }
        return allowed;
    }

    private static bool Applies(JsonObject statement, PutEventsAuthorization request) =>
        PrincipalMatches(statement["Principal"], request.PrincipalAccount)
        && (statement["Action"] is not { } action || Strings(action).Any(pattern => Glob(pattern, PutEventsAuthorization.Action, ignoreCase: true)))
        && (statement["Resource"] is not { } resource || Strings(resource).Any(pattern => Glob(pattern, request.BusArn, ignoreCase: false)))
        && (statement["Condition"] is not JsonObject condition || ConditionsMatch(condition, request));

    private static bool PrincipalMatches(JsonNode? principal, string account) => principal switch
    {
        JsonValue value => PrincipalEntryMatches(value.GetValue<string>(), account),
        JsonObject obj => obj["AWS"] is { } aws && Strings(aws).Any(entry => PrincipalEntryMatches(entry, account)),
        _ => false,
    };

    // "*", a 12-digit account id, or an IAM ARN of that account (its root, or a role/user in it).
    private static bool PrincipalEntryMatches(string entry, string account)
    {
        if (entry == "*" || entry == account)
        {
            return true;
        }
        var parts = entry.Split(':');
        return parts.Length >= 6 && parts[0] == "arn" && parts[2] == "iam" && parts[4] == account;
    }

    private static bool ConditionsMatch(JsonObject conditions, PutEventsAuthorization request)
    {
        foreach (var (operatorName, block) in conditions)
        {
            if (block is not JsonObject keys)
            {
                return false;
            }
            foreach (var (key, values) in keys)
            {
                if (!ConditionMatches(operatorName, key, values is null ? [] : Strings(values).ToList(), request))
                {
                    return false;
                }
            }
        }
        return true;
    }

    private static bool ConditionMatches(string operatorName, string key, IReadOnlyList<string> expected, PutEventsAuthorization request)
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
        var actual = ContextValue(key, request);
        if (actual is null)
        {
            // Organizations are not modelled, so aws:PrincipalOrgID (and any unknown key) is absent: a plain
            // condition on it fails; ForAllValues over nothing and ...IfExists hold, as in IAM.
            return !key.Equals("aws:PrincipalOrgID", StringComparison.OrdinalIgnoreCase) && (ifExists || qualifier == "ForAllValues");
        }
        var matches = op switch
        {
            "StringEquals" => expected.Any(value => value == actual),
            "StringNotEquals" => expected.All(value => value != actual),
            "StringEqualsIgnoreCase" => expected.Any(value => string.Equals(value, actual, StringComparison.OrdinalIgnoreCase)),
            "StringNotEqualsIgnoreCase" => expected.All(value => !string.Equals(value, actual, StringComparison.OrdinalIgnoreCase)),
            "StringLike" => expected.Any(value => Glob(value, actual, ignoreCase: false)),
            "StringNotLike" => expected.All(value => !Glob(value, actual, ignoreCase: false)),
            _ => false,
        };
        // Every context value here is single-valued, so ForAnyValue and ForAllValues reduce to the plain operator.
        return matches;
    }

    private static string? ContextValue(string key, PutEventsAuthorization request) => key.ToLowerInvariant() switch
    {
        "events:source" => request.Source,
        "events:detail-type" => request.DetailType,
        "aws:principalaccount" => request.PrincipalAccount,
        _ => null,
    };

    private static IEnumerable<string> Strings(JsonNode node) => node switch
    {
        JsonArray array => array.Select(item => item?.ToString() ?? ""),
        _ => [node.ToString()],
    };

    private static bool Glob(string pattern, string value, bool ignoreCase)
    {
        var regex = "^" + Regex.Escape(pattern).Replace("\\*", ".*", StringComparison.Ordinal).Replace("\\?", ".", StringComparison.Ordinal) + "$";
        return Regex.IsMatch(value, regex, ignoreCase ? RegexOptions.IgnoreCase | RegexOptions.CultureInvariant : RegexOptions.CultureInvariant);
    }
}
