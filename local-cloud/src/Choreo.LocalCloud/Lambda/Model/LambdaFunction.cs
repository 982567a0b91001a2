using Choreo.LocalCloud.Accounts;

namespace Choreo.LocalCloud.Lambda.Model;

/// <summary>
/// A deployed function: where its code is on disk (the CDK asset directory), which handler the runtime
/// selects (<c>_HANDLER</c>), its environment from the template, and its limits.
/// </summary>
public sealed record LambdaFunction(
    AccountContext Account,
    string Name,
    string Handler,
    string Runtime,
    string? CodeDirectory,
    IReadOnlyDictionary<string, string> Environment,
    TimeSpan Timeout,
    int MemorySize)
{
    public string Arn => $"arn:aws:lambda:{Account.Region}:{Account.AccountId}:function:{Name}";
}
