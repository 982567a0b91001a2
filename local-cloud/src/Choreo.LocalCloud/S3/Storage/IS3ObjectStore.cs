namespace Choreo.LocalCloud.S3.Storage;

/// <summary>
/// Buckets (one global namespace, as in AWS) and their objects. Implementations are thread-safe; listing
/// returns keys in ascending ordinal order. Access rules live in the API layer, not here.
/// </summary>
public interface IS3ObjectStore
{
    BucketRecord? FindBucket(string name);

    IReadOnlyList<BucketRecord> ListBuckets(string ownerAccountId);

    /// <summary>Creates the bucket; false if a bucket of that name already exists (whoever owns it).</summary>
    bool TryCreateBucket(BucketRecord bucket);

    /// <summary>Replaces the bucket's policy (null removes it).</summary>
    void SetBucketPolicy(string bucketName, string? policy);

    /// <summary>Deletes an empty bucket; false if it still holds objects.</summary>
    bool TryDeleteBucket(string bucketName);

    ObjectMetadata PutObject(string bucketName, string key, byte[] data, string contentType, IReadOnlyDictionary<string, string> userMetadata);

    StoredObject? GetObject(string bucketName, string key);

    ObjectMetadata? HeadObject(string bucketName, string key);

    /// <summary>Deletes the object if present (S3 reports success either way).</summary>
    void DeleteObject(string bucketName, string key);

    /// <summary>Every object whose key starts with <paramref name="prefix"/>, ordered by key.</summary>
    IReadOnlyList<ObjectMetadata> ListObjects(string bucketName, string prefix);
}
