using Choreo.LocalCloud.Accounts;

namespace Choreo.LocalCloud.EventBridge.Model;

/// <summary>The ARN forms EventBridge uses: buses, and rules (<c>rule/{name}</c> on the default bus, <c>rule/{bus}/{name}</c> otherwise).</summary>
public static class EventBridgeArn
{
    public const string DefaultBusName = "default";

    public static string Bus(AccountContext owner, string busName) =>
        $"arn:aws:events:{owner.Region}:{owner.AccountId}:event-bus/{busName}";

    public static string Rule(AccountContext owner, string busName, string ruleName) =>
        busName == DefaultBusName
            ? $"arn:aws:events:{owner.Region}:{owner.AccountId}:rule/{ruleName}"
            : $"arn:aws:events:{owner.Region}:{owner.AccountId}:rule/{busName}/{ruleName}";

    /// <summary>
    /// Resolves an <c>EventBusName</c> parameter (a name, an event-bus ARN, or absent for the default bus) to the
    /// owning account/region and the bus name. Returns null when it is an ARN of another kind.
    /// </summary>
    public static (AccountContext Owner, string BusName)? ResolveBus(string? nameOrArn, AccountContext caller)
    {
        if (string.IsNullOrEmpty(nameOrArn))
        {
            return (caller, DefaultBusName);
        }
        if (!nameOrArn.StartsWith("arn:", StringComparison.Ordinal))
        {
            return (caller, nameOrArn);
        }
        var parts = nameOrArn.Split(':', 6);
        if (parts.Length != 6 || parts[2] != "events" || !parts[5].StartsWith("event-bus/", StringComparison.Ordinal))
        {
            return null;
        }
        return (new AccountContext(parts[4], parts[3]), parts[5]["event-bus/".Length..]);
    }

    /// <summary>The account part of an ARN, or null when it is not an ARN or names no account.</summary>
    public static string? AccountOf(string arn)
    {
        var parts = arn.Split(':');
        return parts.Length >= 6 && parts[0] == "arn" && parts[4].Length > 0 ? parts[4] : null;
    }

    /// <summary>The service part of an ARN (<c>lambda</c>, <c>states</c>, <c>events</c>, <c>sqs</c>), or null when it is not an ARN.</summary>
    public static string? ServiceOf(string arn)
    {
        var parts = arn.Split(':');
        return parts.Length >= 6 && parts[0] == "arn" ? parts[2] : null;
    }
}
