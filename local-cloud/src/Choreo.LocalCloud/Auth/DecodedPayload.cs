namespace Choreo.LocalCloud.Auth;

/// <summary>The bytes of a decoded aws-chunked body and its trailing headers (names lower-case).</summary>
public sealed record DecodedPayload(byte[] Data, IReadOnlyDictionary<string, string> Trailers);
