using System.Security.Cryptography;

namespace Choreo.LocalCloud.Auth;

/// <summary>Verifies S3's flexible checksums (<c>x-amz-checksum-*</c>, sent as headers or trailers) and Content-MD5.</summary>
public static class PayloadChecksum
{
    public const string HeaderPrefix = "x-amz-checksum-";

    /// <summary>Throws <see cref="AuthFailure"/> if <paramref name="expectedBase64"/> is not the body's checksum.</summary>
    public static void Verify(string headerName, string expectedBase64, ReadOnlySpan<byte> body)
    {
        var algorithm = headerName[HeaderPrefix.Length..].ToLowerInvariant();
        var actual = algorithm switch
        {
            "crc32" => Crc32.IsoHdlc.ComputeBase64(body),
            "crc32c" => Crc32.Castagnoli.ComputeBase64(body),
            "sha1" => Convert.ToBase64String(SHA1.HashData(body)),
            "sha256" => Convert.ToBase64String(SHA256.HashData(body)),
            _ => throw new AuthFailure(AuthFailureKind.Malformed, $"the checksum algorithm '{algorithm}' is not supported by local-cloud"),
        };
        if (actual != expectedBase64.Trim())
        {
            throw new AuthFailure(AuthFailureKind.ChecksumMismatch,
                $"The {algorithm.ToUpperInvariant()} you specified did not match the calculated checksum.");
        }
    }

    public static void VerifyContentMd5(string expectedBase64, ReadOnlySpan<byte> body)
    {
        if (Convert.ToBase64String(MD5.HashData(body)) != expectedBase64.Trim())
        {
            throw new AuthFailure(AuthFailureKind.ChecksumMismatch, "The Content-MD5 you specified did not match what we received.");
        }
    }
}
