namespace Choreo.LocalCloud.Auth;

/// <summary>The non-hash values of <c>x-amz-content-sha256</c> that name how the body is sent.</summary>
public static class ContentSha256
{
    public const string Unsigned = "UNSIGNED-PAYLOAD";
    public const string StreamingSigned = "STREAMING-AWS4-HMAC-SHA256-PAYLOAD";
    public const string StreamingSignedTrailer = "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER";
    public const string StreamingUnsignedTrailer = "STREAMING-UNSIGNED-PAYLOAD-TRAILER";

    public static bool IsStreaming(string value) =>
        value is StreamingSigned or StreamingSignedTrailer or StreamingUnsignedTrailer;

    public static bool IsHash(string value) => value.Length == 64 && value.All(char.IsAsciiHexDigit);
}
