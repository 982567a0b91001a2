using System.Collections.Frozen;

namespace Choreo.LocalCloud.Accounts;

/// <summary>
/// AWS's region names. A region from a request (the SigV4 credential scope) names folders and ARNs, so only a
/// region AWS runs is accepted; anything else is refused as AWS refuses an unknown region.
/// </summary>
public static class AwsRegion
{
    /// <summary>The regions of the aws, aws-us-gov and aws-cn partitions.</summary>
    public static readonly FrozenSet<string> Known = new[]
    {
        "us-east-1", "us-east-2", "us-west-1", "us-west-2",
        "af-south-1",
        "ap-east-1", "ap-east-2", "ap-south-1", "ap-south-2",
        "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-4", "ap-southeast-5", "ap-southeast-6", "ap-southeast-7",
        "ap-northeast-1", "ap-northeast-2", "ap-northeast-3",
        "ca-central-1", "ca-west-1",
        "eu-central-1", "eu-central-2", "eu-west-1", "eu-west-2", "eu-west-3", "eu-south-1", "eu-south-2", "eu-north-1",
        "il-central-1", "me-south-1", "me-central-1", "mx-central-1", "sa-east-1",
        "us-gov-east-1", "us-gov-west-1",
        "cn-north-1", "cn-northwest-1",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>True when <paramref name="region"/> is a region AWS runs (every one has AWS's region shape, so no path tricks).</summary>
    public static bool IsKnown(string region) => Known.Contains(region);
}
