using System.Globalization;
using Choreo.LocalCloud.Accounts;
using Choreo.LocalCloud.Time;

namespace Choreo.LocalCloud.Auth;

/// <summary>
/// Verifies SigV4 requests, signed in the Authorization header or presigned in the query string, and
/// resolves the caller's account and region. Throws <see cref="AuthFailure"/> on any mismatch.
/// </summary>
/// <param name="clock">The services' clock, which presigned URLs expire on (virtual in <c>choreo run</c>).</param>
/// <param name="signingClock">The clock clients sign with, which the 15-minute skew is measured against: the wall
/// clock unless a test says otherwise, because SDKs date requests in real time even while services run on virtual time.</param>
public sealed class SignatureVerifier(CredentialDirectory credentials, IClock clock, IClock? signingClock = null)
{
    private readonly IClock _signingClock = signingClock ?? new SystemClock();

    /// <summary>AWS's ceiling for X-Amz-Expires: seven days.</summary>
    public const int MaxPresignedExpirySeconds = 604800;

    /// <summary>How far a header-signed request's date may be from the server's clock (AWS allows 15 minutes).</summary>
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(15);

    /// <summary>Who each access key is; request logging names the caller's account with it.</summary>
    public CredentialDirectory Credentials => credentials;

    private const string AmzDateFormat = "yyyyMMdd'T'HHmmss'Z'";

    /// <param name="signingName">The service the credential scope must name (s3, events, states, ...).</param>
    /// <param name="isS3">S3 encodes the canonical path once and carries the payload hash in x-amz-content-sha256.</param>
    /// <param name="bodySha256">The received body's SHA-256 hex, where the service signs the body itself.</param>
    public VerifiedRequest Verify(RequestToVerify request, string signingName, bool isS3, string? bodySha256)
    {
        if (request.Query.Contains("X-Amz-Algorithm"))
        {
            return VerifyPresigned(request, signingName, isS3, bodySha256);
        }

        var authorization = request.Header("authorization");
        if (string.IsNullOrEmpty(authorization))
        {
            throw new AuthFailure(AuthFailureKind.Missing, "the request is not signed (no Authorization header or presigned query)");
        }

        var header = AuthorizationHeader.Parse(authorization);
        var amzDate = request.Header("x-amz-date") ?? FromHttpDate(request.Header("date"));
        var payloadHash = request.Header("x-amz-content-sha256");
        if (isS3 && payloadHash is null)
        {
            throw new AuthFailure(AuthFailureKind.Malformed, "Missing required header for this request: x-amz-content-sha256");
        }

        payloadHash ??= bodySha256 ?? SigV4Signature.EmptySha256;
        return Check(request, header.Credential, header.SignedHeaders, header.Signature, amzDate, signingName, isS3, payloadHash, presigned: false);
    }

    /// <summary>
    /// Verifies an S3 SigV2 presigned URL (<see cref="SigV2PresignedUrl"/>). SigV2 names no region, so the caller
    /// is placed in <paramref name="region"/> (the bucket's). The body is not signed (UNSIGNED-PAYLOAD).
    /// </summary>
    public VerifiedRequest VerifyPresignedV2(RequestToVerify request, string resourcePath, IEnumerable<string> amzHeaderNames, string region)
    {
        var accessKeyId = SigV2PresignedUrl.Verify(request, resourcePath, amzHeaderNames,
            key => credentials.TryResolve(key, out var identity) ? identity.SecretAccessKey : null, clock.UtcNow);
        credentials.TryResolve(accessKeyId, out var caller);
        return new VerifiedRequest(new AccountContext(caller.AccountId, region), accessKeyId, [], string.Empty, string.Empty,
            request.Query.Get("Signature") ?? string.Empty, ContentSha256.Unsigned, Presigned: true);
    }

    private VerifiedRequest VerifyPresigned(RequestToVerify request, string signingName, bool isS3, string? bodySha256)
    {
        var query = request.Query;
        string Required(string name) => query.Get(name) ?? throw new AuthFailure(AuthFailureKind.Malformed,
            "Query-string authentication version 4 requires the X-Amz-Algorithm, X-Amz-Credential, X-Amz-Signature, X-Amz-Date, X-Amz-SignedHeaders, and X-Amz-Expires parameters.");

        if (Required("X-Amz-Algorithm") != SigV4Signature.Algorithm)
        {
            throw new AuthFailure(AuthFailureKind.Malformed, $"X-Amz-Algorithm only supports \"{SigV4Signature.Algorithm}\"");
        }

        var credential = CredentialScope.Parse(Required("X-Amz-Credential"));
        var amzDate = Required("X-Amz-Date");
        var signedHeaders = Required("X-Amz-SignedHeaders").Split(';');
        var signature = Required("X-Amz-Signature");
        if (!int.TryParse(Required("X-Amz-Expires"), NumberStyles.None, CultureInfo.InvariantCulture, out var expires) || expires < 1)
        {
            throw new AuthFailure(AuthFailureKind.InvalidExpires, "X-Amz-Expires must be non-negative");
        }

        if (expires > MaxPresignedExpirySeconds)
        {
            throw new AuthFailure(AuthFailureKind.InvalidExpires,
                $"X-Amz-Expires must be less than a week (in seconds) that is, the given X-Amz-Expires must be less than {MaxPresignedExpirySeconds} seconds");
        }

        var expiresAt = ParseAmzDate(amzDate).AddSeconds(expires);
        if (clock.UtcNow > expiresAt)
        {
            throw new AuthFailure(AuthFailureKind.Expired, "Request has expired") { ExpiredAt = expiresAt };
        }

        var payloadHash = query.Get("X-Amz-Content-Sha256") ?? (isS3 ? ContentSha256.Unsigned : bodySha256 ?? SigV4Signature.EmptySha256);
        return Check(request, credential, signedHeaders, signature, amzDate, signingName, isS3, payloadHash, presigned: true);
    }

    private VerifiedRequest Check(
        RequestToVerify request, CredentialScope credential, IReadOnlyList<string> signedHeaders, string signature,
        string amzDate, string signingName, bool isS3, string payloadHash, bool presigned)
    {
        if (credential.Service != signingName)
        {
            throw new AuthFailure(AuthFailureKind.Malformed, $"Credential should be scoped to correct service: '{signingName}'.");
        }

        if (!AwsRegion.IsKnown(credential.Region))
        {
            throw new AuthFailure(AuthFailureKind.InvalidRegion, $"Credential should be scoped to a valid region, not '{credential.Region}'. ")
            {
                Region = credential.Region,
            };
        }

        var signedAt = ParseAmzDate(amzDate);
        if (!amzDate.StartsWith(credential.Date, StringComparison.Ordinal))
        {
            throw new AuthFailure(AuthFailureKind.Malformed,
                $"Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '{credential.Date}' != '{amzDate[..8]}'");
        }

        if (!signedHeaders.Contains("host"))
        {
            throw new AuthFailure(AuthFailureKind.Malformed, "the signed headers must include 'host'");
        }

        if (!credentials.TryResolve(credential.AccessKeyId, out var identity))
        {
            throw new AuthFailure(AuthFailureKind.UnknownAccessKey, "The AWS Access Key Id you provided does not exist in our records.");
        }

        // A presigned URL is dated when it was made and carries its own expiry; only header-signed requests are held to the skew.
        var now = _signingClock.UtcNow;
        if (!presigned && (signedAt - now).Duration() > MaxClockSkew)
        {
            throw new AuthFailure(AuthFailureKind.RequestTimeTooSkewed, SkewMessage(amzDate, signedAt, now))
            {
                RequestTime = amzDate,
                ServerTime = now,
            };
        }

        var canonical = CanonicalRequest.Build(request, isS3, signedHeaders, payloadHash, presigned ? "X-Amz-Signature" : null);
        var stringToSign = CanonicalRequest.StringToSign(amzDate, credential.Scope, canonical);
        var key = SigV4Signature.DeriveSigningKey(identity.SecretAccessKey, credential.Date, credential.Region, credential.Service);
        var expected = SigV4Signature.Sign(key, stringToSign);
        if (!SigV4Signature.SignaturesEqual(expected, signature))
        {
            throw new AuthFailure(AuthFailureKind.SignatureMismatch,
                $"the signature of access key {credential.AccessKeyId} does not match the request");
        }

        return new VerifiedRequest(
            new AccountContext(identity.AccountId, credential.Region), identity.AccessKeyId, key, amzDate,
            credential.Scope, expected, payloadHash, presigned);
    }

    // The JSON services' wording, e.g. "Signature expired: 20261125T143000Z is now earlier than 20261125T144500Z (20261125T150000Z - 15 min.)".
    private static string SkewMessage(string amzDate, DateTimeOffset signedAt, DateTimeOffset now)
    {
        string Format(DateTimeOffset time) => time.UtcDateTime.ToString(AmzDateFormat, CultureInfo.InvariantCulture);
        return signedAt < now
            ? $"Signature expired: {amzDate} is now earlier than {Format(now - MaxClockSkew)} ({Format(now)} - 15 min.)"
            : $"Signature not yet current: {amzDate} is still later than {Format(now + MaxClockSkew)} ({Format(now)} + 15 min.)";
    }

    private static DateTimeOffset ParseAmzDate(string amzDate) =>
        DateTimeOffset.TryParseExact(amzDate, AmzDateFormat, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed)
            ? parsed
            : throw new AuthFailure(AuthFailureKind.Malformed, $"X-Amz-Date '{amzDate}' is not of the form yyyyMMddTHHmmssZ");

    private static string FromHttpDate(string? date) =>
        date is not null && DateTimeOffset.TryParse(date, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
            ? parsed.UtcDateTime.ToString(AmzDateFormat, CultureInfo.InvariantCulture)
            : throw new AuthFailure(AuthFailureKind.Malformed, "the request has no X-Amz-Date or Date header");
}
