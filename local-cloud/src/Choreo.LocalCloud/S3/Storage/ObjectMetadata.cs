namespace Choreo.LocalCloud.S3.Storage;

/// <summary>What S3 knows of an object besides its bytes. <see cref="ETag"/> is the MD5 hex, unquoted.</summary>
public sealed record ObjectMetadata(
    string Key,
    long Size,
    string ETag,
    DateTimeOffset LastModified,
    string ContentType,
    IReadOnlyDictionary<string, string> UserMetadata);
