using System.Security.Cryptography;

namespace Choreo.LocalCloud.S3.Storage;

/// <summary>S3's ETag of a single-part object: the MD5 of its bytes, lower-case hex.</summary>
public static class ObjectETag
{
    public static string Of(ReadOnlySpan<byte> data) => Convert.ToHexStringLower(MD5.HashData(data));
}
