using System.Security.Cryptography;
using System.Text;

namespace Worker.Tests.Runtime.Fakes;

/// <summary>
/// SigV4 written from the specification (canonical request, string to sign, derived key, HMAC-SHA256) with
/// nothing from AWSSDK, to check the signer the client uses.
/// </summary>
public static class IndependentSigV4
{
    public static string Signature(
        string method, Uri uri, IReadOnlyDictionary<string, string> headers, string body,
        DateTimeOffset at, string region, string service, string secretKey)
    {
        var amzDate = at.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        var day = amzDate[..8];
        var sorted = headers.Select(h => (Name: h.Key.ToLowerInvariant(), Value: h.Value.Trim())).OrderBy(h => h.Name, StringComparer.Ordinal).ToList();
        var canonicalRequest = string.Join('\n',
            method,
            uri.AbsolutePath,
            uri.Query.TrimStart('?'),
            string.Concat(sorted.Select(h => $"{h.Name}:{h.Value}\n")),
            string.Join(';', sorted.Select(h => h.Name)),
            Hex(SHA256.HashData(Encoding.UTF8.GetBytes(body))));
        var scope = $"{day}/{region}/{service}/aws4_request";
        var stringToSign = string.Join('\n', "AWS4-HMAC-SHA256", amzDate, scope, Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest))));
        var key = Hmac(Encoding.UTF8.GetBytes("AWS4" + secretKey), day);
        key = Hmac(key, region);
        key = Hmac(key, service);
        key = Hmac(key, "aws4_request");
        return Hex(Hmac(key, stringToSign));
    }

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
