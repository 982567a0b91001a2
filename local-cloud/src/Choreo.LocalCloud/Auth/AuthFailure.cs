namespace Choreo.LocalCloud.Auth;

/// <summary>A request that failed authentication or payload integrity checks, with a one-line reason.</summary>
public sealed class AuthFailure(AuthFailureKind kind, string message) : Exception(message)
{
    public AuthFailureKind Kind { get; } = kind;

    /// <summary>For <see cref="AuthFailureKind.Expired"/>: when the URL expired (AWS reports it).</summary>
    public DateTimeOffset? ExpiredAt { get; init; }

    /// <summary>For <see cref="AuthFailureKind.RequestTimeTooSkewed"/>: the request's X-Amz-Date as sent, and the server's time.</summary>
    public string? RequestTime { get; init; }

    /// <inheritdoc cref="RequestTime"/>
    public DateTimeOffset? ServerTime { get; init; }

    /// <summary>For <see cref="AuthFailureKind.InvalidRegion"/>: the region the credential scope named.</summary>
    public string? Region { get; init; }
}
