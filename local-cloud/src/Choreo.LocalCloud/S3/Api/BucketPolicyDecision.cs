using System.Text.Json;
using System.Text.RegularExpressions;

namespace Choreo.LocalCloud.S3.Api;

/// <summary>
/// Evaluates a bucket policy for a caller account, an action and a resource ARN. Principals are matched by
/// account (local-cloud knows callers by account, not by role); statements with a <c>Condition</c> are not
/// evaluated and so neither allow nor deny; an explicit deny wins over any allow.
/// </summary>
public static class BucketPolicyDecision
{
    public static PolicyEffect Evaluate(string? policy, string callerAccountId, string action, string resourceArn)
    {
        if (policy is null)
        {
            return PolicyEffect.NotApplicable;
        }

        using var document = JsonDocument.Parse(policy);
        if (!document.RootElement.TryGetProperty("Statement", out var statements))
        {
            return PolicyEffect.NotApplicable;
        }

        var result = PolicyEffect.NotApplicable;
        foreach (var statement in statements.ValueKind == JsonValueKind.Array ? statements.EnumerateArray().ToArray() : [statements])
        {
            if (statement.TryGetProperty("Condition", out _) || !Applies(statement, callerAccountId, action, resourceArn))
            {
                continue;
            }

            if (statement.TryGetProperty("Effect", out var effect) && effect.GetString() == "Deny")
            {
                return PolicyEffect.Deny;
            }

            result = PolicyEffect.Allow;
        }

        return result;
    }

    private static bool Applies(JsonElement statement, string callerAccountId, string action, string resourceArn) =>
        statement.TryGetProperty("Principal", out var principal) && PrincipalMatches(principal, callerAccountId)
        && statement.TryGetProperty("Action", out var actions) && Strings(actions).Any(a => Wildcard(a, action, ignoreCase: true))
        && statement.TryGetProperty("Resource", out var resources) && Strings(resources).Any(r => Wildcard(r, resourceArn, ignoreCase: false));

    private static bool PrincipalMatches(JsonElement principal, string callerAccountId)
    {
        if (principal.ValueKind == JsonValueKind.String)
        {
            return principal.GetString() == "*";
        }

        return principal.ValueKind == JsonValueKind.Object && principal.TryGetProperty("AWS", out var aws)
            && Strings(aws).Any(p => p == "*" || p == callerAccountId || p.Split(':') is [_, _, "iam", _, var account, ..] && account == callerAccountId);
    }

    private static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Array => element.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToArray(),
        _ => [],
    };

    private static bool Wildcard(string pattern, string value, bool ignoreCase)
    {
        var regex = "^" + Regex.Escape(pattern).Replace(@"\*", ".*").Replace(@"\?", ".") + "$";
        return Regex.IsMatch(value, regex, ignoreCase ? RegexOptions.IgnoreCase | RegexOptions.CultureInvariant : RegexOptions.CultureInvariant);
    }
}
