namespace Choreo.LocalCloud.Accounts;

/// <summary>The account and region a request acts in: from the SigV4 access key id and credential scope.</summary>
public sealed record AccountContext(string AccountId, string Region)
{
    public const string DefaultRegion = "us-east-1";
}
