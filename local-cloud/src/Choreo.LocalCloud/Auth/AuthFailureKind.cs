namespace Choreo.LocalCloud.Auth;

/// <summary>Why a request was not authenticated; S3 (XML) and the JSON services render each differently.</summary>
public enum AuthFailureKind
{
    /// <summary>No Authorization header and no presigned query parameters.</summary>
    Missing,

    /// <summary>The Authorization header or presigned parameters cannot be parsed, or the scope is wrong.</summary>
    Malformed,

    /// <summary>The access key id is not a 12-digit account and not mapped.</summary>
    UnknownAccessKey,

    /// <summary>The signature (request, chunk or trailer) does not match the one computed with the account's secret.</summary>
    SignatureMismatch,

    /// <summary>A presigned URL past its X-Amz-Date + X-Amz-Expires.</summary>
    Expired,

    /// <summary>X-Amz-Expires outside 1..604800 seconds.</summary>
    InvalidExpires,

    /// <summary>The body's SHA-256 differs from x-amz-content-sha256.</summary>
    ContentSha256Mismatch,

    /// <summary>A trailing or header checksum (CRC32, SHA-256, ...) differs from the received bytes.</summary>
    ChecksumMismatch,

    /// <summary>The credential scope names a region that is not an AWS region (or not a region's shape at all).</summary>
    InvalidRegion,

    /// <summary>A header-signed request dated more than 15 minutes from the server's clock.</summary>
    RequestTimeTooSkewed,

    /// <summary>The aws-chunked body is not well formed or its length differs from x-amz-decoded-content-length.</summary>
    IncompleteBody,
}
