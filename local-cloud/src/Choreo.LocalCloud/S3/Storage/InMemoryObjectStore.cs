using Choreo.LocalCloud.Time;

namespace Choreo.LocalCloud.S3.Storage;

/// <summary>Buckets and objects in memory: for tests and <c>choreo serve</c> without a state directory.</summary>
public sealed class InMemoryObjectStore(IClock clock) : IS3ObjectStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, BucketRecord> _buckets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SortedDictionary<string, StoredObject>> _objects = new(StringComparer.Ordinal);

    public BucketRecord? FindBucket(string name)
    {
        lock (_lock)
        {
            return _buckets.GetValueOrDefault(name);
        }
    }

    public IReadOnlyList<BucketRecord> ListBuckets(string ownerAccountId)
    {
        lock (_lock)
        {
            return [.. _buckets.Values.Where(b => b.OwnerAccountId == ownerAccountId).OrderBy(b => b.Name, StringComparer.Ordinal)];
        }
    }

    public bool TryCreateBucket(BucketRecord bucket)
    {
        lock (_lock)
        {
            if (!_buckets.TryAdd(bucket.Name, bucket))
            {
                return false;
            }

            _objects[bucket.Name] = new SortedDictionary<string, StoredObject>(StringComparer.Ordinal);
            return true;
        }
    }

    public void SetBucketPolicy(string bucketName, string? policy)
    {
        lock (_lock)
        {
            _buckets[bucketName] = Bucket(bucketName) with { Policy = policy };
        }
    }

    public bool TryDeleteBucket(string bucketName)
    {
        lock (_lock)
        {
            if (Objects(bucketName).Count > 0)
            {
                return false;
            }

            _buckets.Remove(bucketName);
            _objects.Remove(bucketName);
            return true;
        }
    }

    public ObjectMetadata PutObject(string bucketName, string key, byte[] data, string contentType, IReadOnlyDictionary<string, string> userMetadata)
    {
        var metadata = new ObjectMetadata(key, data.Length, ObjectETag.Of(data), clock.UtcNow, contentType, userMetadata);
        lock (_lock)
        {
            Objects(bucketName)[key] = new StoredObject(metadata, data);
        }

        return metadata;
    }

    public StoredObject? GetObject(string bucketName, string key)
    {
        lock (_lock)
        {
            return Objects(bucketName).GetValueOrDefault(key);
        }
    }

    public ObjectMetadata? HeadObject(string bucketName, string key) => GetObject(bucketName, key)?.Metadata;

    public void DeleteObject(string bucketName, string key)
    {
        lock (_lock)
        {
            Objects(bucketName).Remove(key);
        }
    }

    public IReadOnlyList<ObjectMetadata> ListObjects(string bucketName, string prefix)
    {
        lock (_lock)
        {
            return [.. Objects(bucketName).Values.Select(o => o.Metadata).Where(m => m.Key.StartsWith(prefix, StringComparison.Ordinal))];
        }
    }

    private BucketRecord Bucket(string name) =>
        _buckets.GetValueOrDefault(name) ?? throw new InvalidOperationException($"bucket {name} does not exist");

    private SortedDictionary<string, StoredObject> Objects(string bucketName) =>
        _objects.GetValueOrDefault(bucketName) ?? throw new InvalidOperationException($"bucket {bucketName} does not exist");
}
