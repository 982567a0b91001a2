using Choreo.LocalCloud.Accounts;

namespace Choreo.LocalCloud.Auth;

/// <summary>
/// An authenticated request: who sent it, and what chunk signatures of an aws-chunked body chain from
/// (the signing key, timestamp, scope and the request's own signature, which seeds the chain).
/// </summary>
public sealed record VerifiedRequest(
    AccountContext Caller,
    string AccessKeyId,
    byte[] SigningKey,
    string AmzDate,
    string Scope,
    string Signature,
    string PayloadHash,
    bool Presigned);
