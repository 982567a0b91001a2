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

    public async Task<StagedContent> StageAsync(Stream content, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, cancellationToken);
        return new StagedBytes(buffer.ToArray());
    }

    public ObjectMetadata Commit(string bucketName, StagedContent content, ObjectMetadata metadata, Action<ObjectMetadata?>? precondition = null)
    {
        var bytes = content as StagedBytes ?? throw new ArgumentException("the content was not staged by this store", nameof(content));
        lock (_lock)
        {
            var objects = Objects(bucketName);
            precondition?.Invoke(objects.GetValueOrDefault(metadata.Key)?.Metadata);
            var stored = metadata with { Size = bytes.Size, LastModified = clock.UtcNow };
            objects[metadata.Key] = new StoredObject(stored, bytes.Data);
            return stored;
        }
    }

    public ObjectContent? OpenObject(string bucketName, string key)
    {
        lock (_lock)
        {
            return Objects(bucketName).GetValueOrDefault(key) is { } stored
                ? new ObjectContent(stored.Metadata, new MemoryStream(stored.Data, writable: false))
                : null;
        }
    }

    public ObjectMetadata? HeadObject(string bucketName, string key)
    {
        lock (_lock)
        {
            return Objects(bucketName).GetValueOrDefault(key)?.Metadata;
        }
    }

    public ObjectMetadata? UpdateMetadata(string bucketName, string key, Func<ObjectMetadata, ObjectMetadata> update)
    {
        lock (_lock)
        {
            var objects = Objects(bucketName);
            if (objects.GetValueOrDefault(key) is not { } stored)
            {
                return null;
            }

            var updated = update(stored.Metadata) with { Key = key, Size = stored.Metadata.Size };
            objects[key] = stored with { Metadata = updated };
            return updated;
        }
    }

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
