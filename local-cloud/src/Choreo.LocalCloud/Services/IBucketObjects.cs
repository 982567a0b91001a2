namespace Choreo.LocalCloud.Services;

/// <summary>
/// S3 objects read and written on behalf of an account (a Distributed Map's ItemReader and ResultWriter): the
/// S3 service implements it with the same bucket-policy decision its REST API applies. Failures throw
/// <see cref="BucketAccessException"/> carrying S3's error code.
/// </summary>
public interface IBucketObjects
{
    byte[] GetObject(string callerAccountId, string bucket, string key);

    /// <summary>Every object under <paramref name="prefix"/>, ordered by key (what ListObjectsV2 pages through).</summary>
    IReadOnlyList<BucketObjectSummary> ListObjects(string callerAccountId, string bucket, string prefix);

    void PutObject(string callerAccountId, string bucket, string key, byte[] data, string contentType);
}
