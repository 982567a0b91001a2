using System.Text;
using Choreo.LocalCloud.S3.Storage;

namespace Choreo.LocalCloud.S3.Api;

/// <summary>
/// One ListObjectsV2 page: keys after the continuation point, rolled up into common prefixes at the
/// delimiter, at most <c>max-keys</c> entries (contents and prefixes together), as S3 counts them.
/// </summary>
public sealed record ObjectListing(
    IReadOnlyList<ObjectMetadata> Contents,
    IReadOnlyList<string> CommonPrefixes,
    bool IsTruncated,
    string? NextContinuationToken)
{
    public int KeyCount => Contents.Count + CommonPrefixes.Count;

    /// <param name="objects">The bucket's objects under <paramref name="prefix"/>, ordered by key.</param>
    public static ObjectListing Page(
        IReadOnlyList<ObjectMetadata> objects, string prefix, string? delimiter, int maxKeys, string? continuationToken, string? startAfter)
    {
        var (afterKey, skipPrefix) = DecodeToken(continuationToken);
        if (afterKey is null && !string.IsNullOrEmpty(startAfter))
        {
            afterKey = startAfter;
        }

        var contents = new List<ObjectMetadata>();
        var prefixes = new List<string>();
        string? lastEntry = null;
        var lastWasPrefix = false;
        var truncated = false;
        foreach (var item in objects)
        {
            if (afterKey is not null && string.CompareOrdinal(item.Key, afterKey) <= 0)
            {
                continue;
            }

            if (skipPrefix is not null && item.Key.StartsWith(skipPrefix, StringComparison.Ordinal))
            {
                continue;
            }

            string? commonPrefix = null;
            if (!string.IsNullOrEmpty(delimiter))
            {
                var at = item.Key.IndexOf(delimiter, prefix.Length, StringComparison.Ordinal);
                commonPrefix = at < 0 ? null : item.Key[..(at + delimiter.Length)];
            }

            if (commonPrefix is not null && lastWasPrefix && commonPrefix == lastEntry)
            {
                continue;
            }

            if (contents.Count + prefixes.Count >= maxKeys)
            {
                truncated = true;
                break;
            }

            if (commonPrefix is not null)
            {
                prefixes.Add(commonPrefix);
                lastEntry = commonPrefix;
                lastWasPrefix = true;
            }
            else
            {
                contents.Add(item);
                lastEntry = item.Key;
                lastWasPrefix = false;
            }
        }

        var next = truncated && lastEntry is not null ? EncodeToken(lastEntry, lastWasPrefix) : null;
        return new ObjectListing(contents, prefixes, truncated, next);
    }

    // The token names the last entry returned; for a common prefix every key under it is skipped too.
    private static string EncodeToken(string entry, bool isPrefix) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes((isPrefix ? "p:" : "k:") + entry));

    private static (string? AfterKey, string? SkipPrefix) DecodeToken(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return (null, null);
        }

        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(token));
        }
        catch (FormatException)
        {
            throw InvalidToken();
        }

        return decoded switch
        {
            _ when decoded.StartsWith("k:", StringComparison.Ordinal) => (decoded[2..], null),
            _ when decoded.StartsWith("p:", StringComparison.Ordinal) => (decoded[2..], decoded[2..]),
            _ => throw InvalidToken(),
        };
    }

    private static S3Error InvalidToken() =>
        new("InvalidArgument", "The continuation token provided is incorrect", 400, [new("ArgumentName", "continuation-token")]);
}
