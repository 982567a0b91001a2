namespace Choreo.Worker.Infrastructure.Functions;

/// <summary>What a function may do with the worker bucket; each flag maps to one S3 action, nothing broader.</summary>
[Flags]
public enum BucketAccess
{
    None = 0,

    /// <summary><c>s3:GetObject</c> on the bucket's objects.</summary>
    GetObjects = 1,

    /// <summary><c>s3:PutObject</c> on the bucket's objects.</summary>
    PutObjects = 2,

    /// <summary>
    /// <c>s3:PutObjectTagging</c> on the bucket's objects: S3 demands it for a PutObject that carries tags,
    /// which is how intermediate objects get the tag the lifecycle rule expires.
    /// </summary>
    TagObjects = 4,

    /// <summary><c>s3:ListBucket</c> on the bucket itself.</summary>
    ListObjects = 8,
}
