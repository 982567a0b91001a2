using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Choreo.LocalCloud.Auth;

/// <summary>
/// S3's legacy query-string authentication (Signature Version 2), still the default of the AWS CLI v1 and
/// boto3 for <c>presign</c>: <c>?AWSAccessKeyId=..&amp;Expires=epoch&amp;Signature=base64(HMAC-SHA1(secret,
/// VERB\nContent-MD5\nContent-Type\nExpires\nx-amz-headers + resource))</c>, where the resource is
/// <c>/bucket/key</c> as sent (still percent-encoded) plus the signed sub-resources, sorted, with their values decoded.
/// </summary>
public static class SigV2PresignedUrl
{
    private static readonly string[] SignedSubresources =
    [
        "accelerate", "acl", "cors", "defaultObjectAcl", "delete", "lifecycle", "location", "logging", "notification",
        "partNumber", "policy", "requestPayment", "response-cache-control", "response-content-disposition",
        "response-content-encoding", "response-content-language", "response-content-type", "response-expires",
        "restore", "tagging", "torrent", "uploadId", "uploads", "versionId", "versioning", "versions", "website",
    ];

    public static bool IsPresignedV2(QueryParameters query) =>
        query.Contains("AWSAccessKeyId") && query.Contains("Signature") && query.Contains("Expires");

    /// <param name="resourcePath">The path-style resource, <c>/bucket/key</c>, percent-encoded as the client sent it.</param>
    /// <returns>The access key id whose secret produced the signature.</returns>
    public static string Verify(
        RequestToVerify request, string resourcePath, IEnumerable<string> amzHeaderNames, Func<string, string?> secretOf, DateTimeOffset now)
    {
        var query = request.Query;
        var accessKeyId = query.Get("AWSAccessKeyId")!;
        var expiresText = query.Get("Expires")!;
        if (!long.TryParse(expiresText, NumberStyles.None, CultureInfo.InvariantCulture, out var expires))
        {
            throw new AuthFailure(AuthFailureKind.Malformed, $"Invalid date (should be seconds since epoch): {expiresText}");
        }

        var expiresAt = DateTimeOffset.FromUnixTimeSeconds(Math.Min(expires, 253402300799));
        if (now > expiresAt)
        {
            throw new AuthFailure(AuthFailureKind.Expired, "Request has expired") { ExpiredAt = expiresAt };
        }

        var secret = secretOf(accessKeyId)
            ?? throw new AuthFailure(AuthFailureKind.UnknownAccessKey, "The AWS Access Key Id you provided does not exist in our records.");
        var stringToSign = new StringBuilder()
            .Append(request.Method).Append('\n')
            .Append(request.Header("content-md5") ?? string.Empty).Append('\n')
            .Append(request.Header("content-type") ?? string.Empty).Append('\n')
            .Append(expiresText).Append('\n');
        foreach (var name in amzHeaderNames.Select(n => n.ToLowerInvariant()).Where(n => n.StartsWith("x-amz-", StringComparison.Ordinal)).Distinct().Order(StringComparer.Ordinal))
        {
            stringToSign.Append(name).Append(':').Append(request.Header(name)!.Trim()).Append('\n');
        }

        stringToSign.Append(resourcePath);
        var subresources = SignedSubresources.Where(query.Contains).Order(StringComparer.Ordinal)
            .Select(name => query.Get(name) is { Length: > 0 } value ? $"{name}={value}" : name).ToList();
        if (subresources.Count > 0)
        {
            stringToSign.Append('?').Append(string.Join('&', subresources));
        }

        var expected = Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(stringToSign.ToString())));
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(query.Get("Signature") ?? string.Empty)))
        {
            throw new AuthFailure(AuthFailureKind.SignatureMismatch, $"the SigV2 signature of access key {accessKeyId} does not match the request");
        }

        return accessKeyId;
    }
}
