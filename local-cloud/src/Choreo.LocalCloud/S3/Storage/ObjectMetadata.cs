namespace Choreo.LocalCloud.S3.Storage;

/// <summary>
/// What S3 knows of an object besides its bytes. <see cref="ETag"/> is unquoted: the MD5 hex of a single-part
/// object, or <c>md5-of-part-md5s-N</c> after a multipart upload. The optional parts are what S3 stores from
/// the upload's headers: the representation headers, one checksum, the tag set and the part count.
/// </summary>
public sealed record ObjectMetadata(
    string Key,
    long Size,
    string ETag,
    DateTimeOffset LastModified,
    string ContentType,
    IReadOnlyDictionary<string, string> UserMetadata,
    ObjectHeaders? Headers = null,
    ObjectChecksum? Checksum = null,
    IReadOnlyDictionary<string, string>? Tags = null,
    int? PartsCount = null);
