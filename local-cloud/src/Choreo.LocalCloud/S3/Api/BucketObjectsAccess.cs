using Choreo.LocalCloud.Accounts;
using Choreo.LocalCloud.S3.Storage;
using Choreo.LocalCloud.Services;

namespace Choreo.LocalCloud.S3.Api;

/// <summary>
/// <see cref="IBucketObjects"/> over the object store, for other services acting for an account: each call
/// is authorized by <see cref="BucketAccess"/> exactly as the REST API authorizes it.
/// </summary>
public sealed class BucketObjectsAccess(IS3ObjectStore store) : IBucketObjects
{
    public byte[] GetObject(string callerAccountId, string bucket, string key)
    {
        var record = Authorized(callerAccountId, bucket, "s3:GetObject", $"arn:aws:s3:::{bucket}/{key}");
        var stored = store.GetObject(record.Name, key) ?? throw Refusal(S3Errors.NoSuchKey(key));
        return stored.Data;
    }

    public IReadOnlyList<BucketObjectSummary> ListObjects(string callerAccountId, string bucket, string prefix)
    {
        var record = Authorized(callerAccountId, bucket, "s3:ListBucket", $"arn:aws:s3:::{bucket}");
        return store.ListObjects(record.Name, prefix)
            .Select(o => new BucketObjectSummary(o.Key, o.Size, $"\"{o.ETag}\"", o.LastModified))
            .ToList();
    }

    public void PutObject(string callerAccountId, string bucket, string key, byte[] data, string contentType)
    {
        var record = Authorized(callerAccountId, bucket, "s3:PutObject", $"arn:aws:s3:::{bucket}/{key}");
        store.PutObject(record.Name, key, data, contentType, new Dictionary<string, string>());
    }

    private BucketRecord Authorized(string callerAccountId, string bucket, string action, string resourceArn)
    {
        var record = store.FindBucket(bucket) ?? throw Refusal(S3Errors.NoSuchBucket(bucket));
        if (!BucketAccess.IsAllowed(record, new AccountContext(callerAccountId, record.Region), action, resourceArn))
        {
            throw Refusal(S3Errors.AccessDenied());
        }

        return record;
    }

    private static BucketAccessException Refusal(S3Error error) => new(error.Code, error.Message);
}
