using System.Text.Json.Nodes;

namespace Choreo.LocalCloud.EventBridge.Policies;

/// <summary>
/// Evaluates a resource-based policy alone, as IAM does: an explicit Deny that applies wins, else an Allow whose
/// principal, action, resource and conditions all match allows, else the request is implicitly denied. Used for
/// bus policies (PutEvents, and the admission check when a bus target is created) and for the resource policies
/// of targets EventBridge delivers to (SQS queue policies).
/// </summary>
public static class ResourcePolicy
{
    public static bool Allows(JsonObject? policy, PolicyRequest request)
    {
        var allowed = false;
        foreach (var statement in Statements(policy))
        {
            var effect = statement["Effect"]?.GetValue<string>();
            if (string.Equals(effect, "Deny", StringComparison.OrdinalIgnoreCase))
            {
                if (Applies(statement, request, undecidedHolds: false))
                {
                    return false;
                }
            }
            else if (string.Equals(effect, "Allow", StringComparison.OrdinalIgnoreCase))
            {
                allowed |= Applies(statement, request, undecidedHolds: true);
            }
        }
        return allowed;
    }

    /// <summary>Parses a policy document given as text; null when absent or not a JSON object.</summary>
    public static JsonObject? Parse(string? document)
    {
        if (string.IsNullOrWhiteSpace(document))
        {
            return null;
        }
        try
        {
            return JsonNode.Parse(document) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static IEnumerable<JsonObject> Statements(JsonObject? policy) => policy?["Statement"] switch
    {
        JsonArray array => array.OfType<JsonObject>(),
        JsonObject single => [single],
        _ => [],
    };

    private static bool Applies(JsonObject statement, PolicyRequest request, bool undecidedHolds) =>
        PrincipalMatches(statement["Principal"], request.Principal)
        && (statement["Action"] is not { } action || Strings(action).Any(pattern => WildcardPattern.Matches(pattern, request.Action, ignoreCase: true)))
        && (statement["Resource"] is not { } resource || Strings(resource).Any(pattern => WildcardPattern.Matches(pattern, request.ResourceArn, ignoreCase: false)))
        && (statement["Condition"] is not JsonObject condition || ConditionsMatch(condition, request, undecidedHolds));

    private static bool PrincipalMatches(JsonNode? principal, PolicyPrincipal caller) => principal switch
    {
        JsonValue value => value.GetValue<string>() == "*",
        JsonObject obj =>
            (obj["AWS"] is { } aws && Strings(aws).Any(entry => AwsEntryMatches(entry, caller)))
            || (obj["Service"] is { } service && caller.Service is { } name && Strings(service).Any(entry => entry == name)),
        _ => false,
    };

    // "*", a 12-digit account id or its root ARN (any principal of that account), or the exact role ARN.
    // An account asked about without a role (EventBridge acting for a rule's account) matches any IAM ARN of it.
    private static bool AwsEntryMatches(string entry, PolicyPrincipal caller)
    {
        if (caller.Account is not { } account)
        {
            return false;
        }
        if (entry == "*" || entry == account)
        {
            return true;
        }
        var parts = entry.Split(':', 6);
        if (parts.Length < 6 || parts[0] != "arn" || parts[2] != "iam" || parts[4] != account)
        {
            return false;
        }
        return parts[5] == "root" || caller.RoleArn is null || string.Equals(entry, caller.RoleArn, StringComparison.Ordinal);
    }

    private static bool ConditionsMatch(JsonObject conditions, PolicyRequest request, bool undecidedHolds)
    {
        foreach (var (operatorName, block) in conditions)
        {
            if (block is not JsonObject keys)
            {
                return false;
            }
            foreach (var (key, values) in keys)
            {
                if (request.UndecidedKeys?.Contains(key) == true)
                {
                    if (!undecidedHolds)
                    {
                        return false;
                    }
                    continue;
                }
                if (!ConditionMatches(operatorName, key, values is null ? [] : Strings(values).ToList(), request))
                {
                    return false;
                }
            }
        }
        return true;
    }

    private static bool ConditionMatches(string operatorName, string key, IReadOnlyList<string> expected, PolicyRequest request)
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
        var actual = request.Context.FirstOrDefault(pair => string.Equals(pair.Key, key, StringComparison.OrdinalIgnoreCase)).Value;
        if (actual is null)
        {
            // Organizations are not modelled, so aws:PrincipalOrgID (and any key the request lacks) is absent: a plain
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

    private static IEnumerable<string> Strings(JsonNode node) => node switch
    {
        JsonArray array => array.Select(item => item?.ToString() ?? ""),
        _ => [node.ToString()],
    };
}
