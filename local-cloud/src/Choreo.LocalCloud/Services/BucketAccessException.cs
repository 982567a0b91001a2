namespace Choreo.LocalCloud.Services;

/// <summary>An S3 refusal seen through <see cref="IBucketObjects"/>: S3's error code (AccessDenied, NoSuchKey, …) and message.</summary>
public sealed class BucketAccessException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}
