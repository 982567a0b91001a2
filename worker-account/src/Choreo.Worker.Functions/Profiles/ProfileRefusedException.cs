namespace Choreo.Worker.Functions.Profiles;

/// <summary>The presigned URL did not give the profile: <see cref="StatusCode"/> when the server answered, null when it was unreachable.</summary>
public sealed class ProfileRefusedException(int? statusCode, string reason, Exception? inner = null)
    : Exception(statusCode is { } s ? $"returned {s} ({reason})" : $"could not be reached ({reason})", inner)
{
    public int? StatusCode { get; } = statusCode;
}
