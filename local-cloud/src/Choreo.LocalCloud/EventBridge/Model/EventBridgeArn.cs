using Choreo.LocalCloud.Accounts;

namespace Choreo.LocalCloud.EventBridge.Model;

/// <summary>The ARN forms EventBridge uses: buses, and rules (<c>rule/{name}</c> on the default bus, <c>rule/{bus}/{name}</c> otherwise).</summary>
public static class EventBridgeArn
{
    public const string DefaultBusName = "default";

    public static string Bus(AccountContext owner, string busName) => Arn.For("events", owner, $"event-bus/{busName}").ToString();

    public static string Rule(AccountContext owner, string busName, string ruleName) =>
        Arn.For("events", owner, busName == DefaultBusName ? $"rule/{ruleName}" : $"rule/{busName}/{ruleName}").ToString();

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
        if (!Arn.TryParse(nameOrArn, out var arn) || arn.Service != "events" || !arn.Resource.StartsWith("event-bus/", StringComparison.Ordinal))
        {
            return null;
        }
        return (arn.Owner, arn.Resource["event-bus/".Length..]);
    }

    /// <summary>The account part of an ARN, or null when it is not an ARN or names no account.</summary>
    public static string? AccountOf(string arn) => Arn.TryParse(arn, out var parsed) && parsed.Account.Length > 0 ? parsed.Account : null;

    /// <summary>The service part of an ARN (<c>lambda</c>, <c>states</c>, <c>events</c>, <c>sqs</c>), or null when it is not an ARN.</summary>
    public static string? ServiceOf(string arn) => Arn.TryParse(arn, out var parsed) ? parsed.Service : null;
}
