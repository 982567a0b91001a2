namespace Choreo.LocalCloud.EventBridge.Policies;

/// <summary>
/// Who a resource policy is asked about: an account (its root, as EventBridge acts for a rule's account), a role
/// of an account (a target's <c>RoleArn</c>), or an AWS service principal such as <c>events.amazonaws.com</c>.
/// </summary>
public sealed record PolicyPrincipal(string? Account, string? RoleArn, string? Service)
{
    public const string EventBridgeService = "events.amazonaws.com";

    public static PolicyPrincipal OfAccount(string account) => new(account, null, null);

    public static PolicyPrincipal OfRole(string roleArn) => new(ArnAccount(roleArn), roleArn, null);

    public static PolicyPrincipal OfService(string service) => new(null, null, service);

    /// <summary>The account field of an ARN, or null when it is not an ARN.</summary>
    public static string? ArnAccount(string arn)
    {
        var parts = arn.Split(':');
        return parts.Length >= 6 && parts[0] == "arn" && parts[4].Length > 0 ? parts[4] : null;
    }
}
