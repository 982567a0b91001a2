using System.Globalization;
using Choreo.LocalCloud.Auth;

namespace Choreo.LocalCloud.S3.Api;

/// <summary>The S3 errors local-cloud returns, with AWS's codes, statuses and messages.</summary>
public static class S3Errors
{
    public const string SignatureMismatchMessage =
        "The request signature we calculated does not match the signature you provided. Check your key and signing method.";

    public static S3Error NoSuchBucket(string bucket) =>
        new("NoSuchBucket", "The specified bucket does not exist", 404, [new("BucketName", bucket)]);

    public static S3Error NoSuchKey(string key) =>
        new("NoSuchKey", "The specified key does not exist.", 404, [new("Key", key)]);

    public static S3Error MalformedXml() =>
        new("MalformedXML", "The XML you provided was not well-formed or did not validate against our published schema", 400);

    public static S3Error AccessDenied() => new("AccessDenied", "Access Denied", 403);

    public static S3Error NotImplemented(string what) =>
        new("NotImplemented", $"A header or query you provided implies functionality that is not implemented: local-cloud does not support {what}", 501);

    public static S3Error MethodNotAllowed(string method) =>
        new("MethodNotAllowed", "The specified method is not allowed against this resource.", 405, [new("Method", method)]);

    public static S3Error WrongRegion(string signedRegion, string bucketRegion, bool presigned) => presigned
        ? new("AuthorizationQueryParametersError",
            $"Error parsing the X-Amz-Credential parameter; the region '{signedRegion}' is wrong; expecting '{bucketRegion}'", 400, [new("Region", bucketRegion)])
        : new("AuthorizationHeaderMalformed",
            $"The authorization header is malformed; the region '{signedRegion}' is wrong; expecting '{bucketRegion}'", 400, [new("Region", bucketRegion)]);

    public static S3Error FromAuthFailure(AuthFailure failure, bool presigned, DateTimeOffset now) => failure.Kind switch
    {
        AuthFailureKind.Missing => AccessDenied(),
        AuthFailureKind.UnknownAccessKey => new("InvalidAccessKeyId", failure.Message, 403),
        AuthFailureKind.SignatureMismatch => new("SignatureDoesNotMatch", SignatureMismatchMessage, 403),
        AuthFailureKind.Expired => new("AccessDenied", "Request has expired", 403,
            [new("Expires", Timestamp(failure.ExpiredAt ?? now)), new("ServerTime", Timestamp(now))]),
        AuthFailureKind.InvalidRegion => WrongRegion(failure.Region ?? "", Accounts.AccountContext.DefaultRegion, presigned),
        AuthFailureKind.RequestTimeTooSkewed => new("RequestTimeTooSkewed", "The difference between the request time and the current time is too large.", 403,
            [new("RequestTime", failure.RequestTime ?? ""), new("ServerTime", Timestamp(failure.ServerTime ?? now)), new("MaxAllowedSkewMilliseconds", "900000")]),
        AuthFailureKind.InvalidExpires => new("AuthorizationQueryParametersError", failure.Message, 400),
        AuthFailureKind.Malformed => presigned
            ? new("AuthorizationQueryParametersError", failure.Message, 400)
            : new("AuthorizationHeaderMalformed", failure.Message, 400),
        AuthFailureKind.ContentSha256Mismatch => new("XAmzContentSHA256Mismatch",
            "The provided 'x-amz-content-sha256' header does not match what was computed.", 400),
        AuthFailureKind.ChecksumMismatch => new("BadDigest", failure.Message, 400),
        AuthFailureKind.IncompleteBody => new("IncompleteBody", $"The request body terminated unexpectedly: {failure.Message}", 400),
        _ => new("InvalidRequest", failure.Message, 400),
    };

    /// <summary>A failure found in a body (signature chain, digest, framing): these never carry an expiry time.</summary>
    public static S3Error FromPayloadFailure(AuthFailure failure) => FromAuthFailure(failure, presigned: false, DateTimeOffset.UnixEpoch);

    public static string Timestamp(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
