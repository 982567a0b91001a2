namespace Choreo.LocalCloud.Auth;

/// <summary>
/// The parts of an HTTP request a SigV4 signature covers, as received: the method, the path still
/// percent-encoded as sent, the decoded query, and a header lookup (values of repeated headers joined by ',').
/// </summary>
public sealed record RequestToVerify(string Method, string RawPath, QueryParameters Query, Func<string, string?> Header);
