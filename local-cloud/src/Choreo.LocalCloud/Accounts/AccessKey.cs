namespace Choreo.LocalCloud.Accounts;

/// <summary>A non-numeric access key id mapped to the account it signs for, with its secret.</summary>
public sealed record AccessKey(string AccessKeyId, string AccountId, string SecretAccessKey = AccessKey.DefaultSecret)
{
    /// <summary>Every account's secret unless configured otherwise, as with LocalStack.</summary>
    public const string DefaultSecret = "test";
}
