using Choreo.Contracts.Accounts;
namespace Choreo.LocalCloud.Accounts;

/// <summary>
/// Resolves SigV4 access key ids to accounts. A 12-digit key id is that account with the default secret
/// (or the secret configured for it); any other key id must be mapped explicitly.
/// </summary>
public sealed class CredentialDirectory
{
    private readonly Dictionary<string, AccessKey> _keys;

    public CredentialDirectory(IEnumerable<AccessKey>? keys = null, IEnumerable<KnownAccount>? knownAccounts = null)
    {
        _keys = new Dictionary<string, AccessKey>(StringComparer.Ordinal);
        foreach (var key in keys ?? [])
        {
            if (!IsAccountId(key.AccountId))
            {
                throw new ArgumentException($"Access key {key.AccessKeyId} maps to '{key.AccountId}', which is not a 12-digit account id.", nameof(keys));
            }

            _keys[key.AccessKeyId] = key;
        }

        KnownAccounts = [.. knownAccounts ?? KnownAccount.Choreo];
    }

    /// <summary>The accounts introduced by name (shown by <c>choreo serve</c>).</summary>
    public IReadOnlyList<KnownAccount> KnownAccounts { get; }

    /// <summary>The mapped (non-numeric or re-secreted) access keys.</summary>
    public IReadOnlyCollection<AccessKey> MappedKeys => _keys.Values;

    public bool TryResolve(string accessKeyId, out SigningIdentity identity)
    {
        if (_keys.TryGetValue(accessKeyId, out var key))
        {
            identity = new SigningIdentity(accessKeyId, key.AccountId, key.SecretAccessKey);
            return true;
        }

        if (IsAccountId(accessKeyId))
        {
            identity = new SigningIdentity(accessKeyId, accessKeyId, AccessKey.DefaultSecret);
            return true;
        }

        identity = null!;
        return false;
    }

    public static bool IsAccountId(string value) => AwsAccountId.IsValid(value);
}
