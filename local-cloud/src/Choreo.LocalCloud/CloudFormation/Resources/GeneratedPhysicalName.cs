using System.Security.Cryptography;
using System.Text;

namespace Choreo.LocalCloud.CloudFormation.Resources;

/// <summary>
/// Names CloudFormation generates for resources whose name property is not set, in its shape
/// (<c>{stack}-{logicalId}-{SUFFIX}</c>), but deterministic: the suffix hashes account, stack and logical id,
/// so a fresh local-cloud deploying the same stack gets the same names.
/// </summary>
public static class GeneratedPhysicalName
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    public static string For(ResourceRequest request, int maxLength, int suffixLength = 12)
    {
        var suffix = Suffix($"{request.Account.AccountId}/{request.Account.Region}/{request.StackName}/{request.LogicalId}", suffixLength);
        var prefix = $"{request.StackName}-{request.LogicalId}";
        var room = maxLength - suffixLength - 1;
        if (prefix.Length > room)
        {
            prefix = prefix[..room];
        }

        return $"{prefix}-{suffix}";
    }

    /// <summary>A deterministic string of upper-case letters and digits derived from <paramref name="seed"/>.</summary>
    public static string Suffix(string seed, int length)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(seed));
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = Alphabet[hash[i % hash.Length] % Alphabet.Length];
        }

        return new string(chars);
    }
}
