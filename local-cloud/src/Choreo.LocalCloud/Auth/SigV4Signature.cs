using System.Security.Cryptography;
using System.Text;

namespace Choreo.LocalCloud.Auth;

/// <summary>The SigV4 primitives: key derivation, HMAC signing, SHA-256 hex digests.</summary>
public static class SigV4Signature
{
    public const string Algorithm = "AWS4-HMAC-SHA256";

    /// <summary>SHA-256 of the empty string, the payload hash of bodiless requests and chunk strings-to-sign.</summary>
    public const string EmptySha256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    public static byte[] DeriveSigningKey(string secretAccessKey, string date, string region, string service)
    {
        var key = Hmac(Encoding.UTF8.GetBytes("AWS4" + secretAccessKey), date);
        key = Hmac(key, region);
        key = Hmac(key, service);
        return Hmac(key, "aws4_request");
    }

    public static string Sign(byte[] signingKey, string stringToSign) => Convert.ToHexStringLower(Hmac(signingKey, stringToSign));

    public static string Sha256Hex(string value) => Sha256Hex(Encoding.UTF8.GetBytes(value));

    public static string Sha256Hex(ReadOnlySpan<byte> value) => Convert.ToHexStringLower(SHA256.HashData(value));

    /// <summary>Compares two hex signatures in constant time (case-insensitive).</summary>
    public static bool SignaturesEqual(string expected, string provided) =>
        CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(expected.ToLowerInvariant()),
            Encoding.ASCII.GetBytes(provided.ToLowerInvariant()));

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));
}
