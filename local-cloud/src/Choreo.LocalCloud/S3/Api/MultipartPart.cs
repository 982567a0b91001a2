using Choreo.LocalCloud.S3.Storage;

namespace Choreo.LocalCloud.S3.Api;

/// <summary>One uploaded part: its staged bytes, ETag (MD5 hex, unquoted) and, if the upload has one, its checksum (base64).</summary>
internal sealed record MultipartPart(int PartNumber, StagedContent Content, string ETag, DateTimeOffset LastModified, string? Checksum);
