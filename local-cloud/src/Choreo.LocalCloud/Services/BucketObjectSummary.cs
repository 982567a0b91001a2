namespace Choreo.LocalCloud.Services;

/// <summary>One object as ListObjectsV2 describes it (ETag quoted, as S3 returns it).</summary>
public sealed record BucketObjectSummary(string Key, long Size, string ETag, DateTimeOffset LastModified);
