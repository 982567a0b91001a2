namespace Choreo.LocalCloud.Auth;

/// <summary>A request that failed authentication or payload integrity checks, with a one-line reason.</summary>
public sealed class AuthFailure(AuthFailureKind kind, string message) : Exception(message)
{
    public AuthFailureKind Kind { get; } = kind;

    /// <summary>For <see cref="AuthFailureKind.Expired"/>: when the URL expired (AWS reports it).</summary>
    public DateTimeOffset? ExpiredAt { get; init; }
}
