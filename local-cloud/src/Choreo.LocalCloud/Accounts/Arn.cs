using System.Diagnostics.CodeAnalysis;

namespace Choreo.LocalCloud.Accounts;

/// <summary>
/// An Amazon Resource Name, <c>arn:partition:service:region:account:resource</c>: the one place ARNs are taken apart
/// and put together. The resource keeps its own colons and slashes (<c>stateMachine:name</c>,
/// <c>function:name:qualifier</c>, <c>rule/bus/name</c>); each service's ARN type reads it further.
/// </summary>
public sealed record Arn(string Partition, string Service, string Region, string Account, string Resource)
{
    public const string AwsPartition = "aws";

    /// <summary>An ARN in the <c>aws</c> partition owned by <paramref name="owner"/>.</summary>
    public static Arn For(string service, AccountContext owner, string resource) =>
        new(AwsPartition, service, owner.Region, owner.AccountId, resource);

    /// <summary>Reads six colon-separated fields starting with <c>arn</c>; anything else is not an ARN.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out Arn? arn)
    {
        var parts = text?.Split(':', 6);
        if (parts is not ["arn", var partition, var service, var region, var account, var resource])
        {
            arn = null;
            return false;
        }

        arn = new Arn(partition, service, region, account, resource);
        return true;
    }

    /// <summary>The account and region the ARN names.</summary>
    public AccountContext Owner => new(Account, Region);

    /// <summary>The resource's colon-separated parts: <c>["function", "name", "qualifier"]</c>, <c>["event-bus/name"]</c>.</summary>
    public string[] ResourceParts => Resource.Split(':');

    /// <summary>The resource without its type: what follows the first <c>/</c>, else the whole resource.</summary>
    public string ResourceName => Resource.IndexOf('/', StringComparison.Ordinal) is >= 0 and var slash ? Resource[(slash + 1)..] : Resource;

    public override string ToString() => $"arn:{Partition}:{Service}:{Region}:{Account}:{Resource}";
}
