namespace Choreo.LocalCloud.Accounts;

/// <summary>What an access key id resolves to: the account it acts as and the secret its signatures use.</summary>
public sealed record SigningIdentity(string AccessKeyId, string AccountId, string SecretAccessKey);
