using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Choreo.Contracts.Accounts;
using Choreo.LocalCloud.Time;

namespace Choreo.LocalCloud.S3.Storage;

/// <summary>
/// Buckets and objects on disk under <c>{stateDirectory}/s3/{account}/{region}/{bucket}/</c>: <c>bucket.json</c>,
/// and per object <c>objects/{sha256(key)}.data</c> with its metadata beside it in <c>.json</c>. Keys are hashed
/// into file names because S3 keys may be 1024 bytes of anything. Every file is written to a temporary name
/// and renamed, so a crash never leaves a half-written object; metadata is renamed last, so it is the commit.
/// </summary>
public sealed class DiskObjectStore : IS3ObjectStore
{
    private const string BucketFile = "bucket.json";
    private readonly Lock _lock = new();
    private readonly string _root;
    private readonly IClock _clock;
    private readonly Dictionary<string, (BucketRecord Bucket, string Directory)> _buckets = new(StringComparer.Ordinal);

    public DiskObjectStore(string stateDirectory, IClock clock)
    {
        _root = Path.Combine(Path.GetFullPath(stateDirectory), "s3");
        _clock = clock;
        Directory.CreateDirectory(_root);
        foreach (var file in Directory.EnumerateFiles(_root, BucketFile, SearchOption.AllDirectories))
        {
            var bucket = JsonSerializer.Deserialize(File.ReadAllBytes(file), S3StorageJsonContext.Default.BucketRecord)
                ?? throw new InvalidDataException($"the bucket file {file} is empty");
            _buckets[bucket.Name] = (bucket, Path.GetDirectoryName(file)!);
        }
    }

    public BucketRecord? FindBucket(string name)
    {
        lock (_lock)
        {
            return _buckets.TryGetValue(name, out var entry) ? entry.Bucket : null;
        }
    }

    public IReadOnlyList<BucketRecord> ListBuckets(string ownerAccountId)
    {
        lock (_lock)
        {
            return [.. _buckets.Values.Select(e => e.Bucket).Where(b => b.OwnerAccountId == ownerAccountId).OrderBy(b => b.Name, StringComparer.Ordinal)];
        }
    }

    public bool TryCreateBucket(BucketRecord bucket)
    {
        lock (_lock)
        {
            if (_buckets.ContainsKey(bucket.Name))
            {
                return false;
            }

            var directory = BucketDirectory(bucket);
            Directory.CreateDirectory(Path.Combine(directory, "objects"));
            WriteBucket(directory, bucket);
            _buckets[bucket.Name] = (bucket, directory);
            return true;
        }
    }

    public void SetBucketPolicy(string bucketName, string? policy)
    {
        lock (_lock)
        {
            var (bucket, directory) = Entry(bucketName);
            var updated = bucket with { Policy = policy };
            WriteBucket(directory, updated);
            _buckets[bucketName] = (updated, directory);
        }
    }

    public bool TryDeleteBucket(string bucketName)
    {
        lock (_lock)
        {
            var (_, directory) = Entry(bucketName);
            if (Directory.EnumerateFiles(ObjectsDirectory(directory), "*.json").Any())
            {
                return false;
            }

            Directory.Delete(directory, recursive: true);
            _buckets.Remove(bucketName);
            return true;
        }
    }

    public ObjectMetadata PutObject(string bucketName, string key, byte[] data, string contentType, IReadOnlyDictionary<string, string> userMetadata)
    {
        var metadata = new ObjectMetadata(key, data.Length, ObjectETag.Of(data), _clock.UtcNow, contentType, userMetadata);
        lock (_lock)
        {
            var basePath = ObjectBasePath(bucketName, key);
            WriteAtomically(basePath + ".data", data);
            WriteAtomically(basePath + ".json", JsonSerializer.SerializeToUtf8Bytes(metadata, S3StorageJsonContext.Default.ObjectMetadata));
        }

        return metadata;
    }

    /// <summary>The file that holds an object's bytes (objects are stored under hashed names).</summary>
    public string DataPathOf(string bucketName, string key)
    {
        lock (_lock)
        {
            return ObjectBasePath(bucketName, key) + ".data";
        }
    }

    public StoredObject? GetObject(string bucketName, string key)
    {
        lock (_lock)
        {
            var basePath = ObjectBasePath(bucketName, key);
            var metadata = ReadMetadata(basePath + ".json");
            return metadata is null ? null : new StoredObject(metadata, File.ReadAllBytes(basePath + ".data"));
        }
    }

    public ObjectMetadata? HeadObject(string bucketName, string key)
    {
        lock (_lock)
        {
            return ReadMetadata(ObjectBasePath(bucketName, key) + ".json");
        }
    }

    public void DeleteObject(string bucketName, string key)
    {
        lock (_lock)
        {
            var basePath = ObjectBasePath(bucketName, key);
            File.Delete(basePath + ".json");
            File.Delete(basePath + ".data");
        }
    }

    public IReadOnlyList<ObjectMetadata> ListObjects(string bucketName, string prefix)
    {
        lock (_lock)
        {
            var (_, directory) = Entry(bucketName);
            return [.. Directory.EnumerateFiles(ObjectsDirectory(directory), "*.json")
                .Select(ReadMetadata)
                .OfType<ObjectMetadata>()
                .Where(m => m.Key.StartsWith(prefix, StringComparison.Ordinal))
                .OrderBy(m => m.Key, StringComparer.Ordinal)];
        }
    }

    /// <summary>
    /// The bucket's folder, built from request values (account, region, name) only after proving each is one plain
    /// path segment and the result lies inside this store's root: a region such as <c>..</c> must never reach
    /// another account's folder.
    /// </summary>
    private string BucketDirectory(BucketRecord bucket)
    {
        string[] segments = [bucket.OwnerAccountId, bucket.Region, bucket.Name];
        if (segments.Any(segment => segment.Length == 0 || segment is "." or ".." || segment.IndexOfAny(['/', '\\', '\0']) >= 0)
            || !AwsAccountId.IsValid(bucket.OwnerAccountId)
            || !Accounts.AwsRegion.IsKnown(bucket.Region))
        {
            throw new ArgumentException($"bucket {bucket.Name} of account {bucket.OwnerAccountId} in region {bucket.Region} has no safe storage folder");
        }

        var directory = Path.GetFullPath(Path.Combine(_root, bucket.OwnerAccountId, bucket.Region, bucket.Name));
        if (!directory.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new ArgumentException($"bucket {bucket.Name} would be stored outside {_root}");
        }

        return directory;
    }

    private (BucketRecord Bucket, string Directory) Entry(string bucketName) =>
        _buckets.TryGetValue(bucketName, out var entry) ? entry : throw new InvalidOperationException($"bucket {bucketName} does not exist");

    private string ObjectBasePath(string bucketName, string key) =>
        Path.Combine(ObjectsDirectory(Entry(bucketName).Directory), Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key))));

    private static string ObjectsDirectory(string bucketDirectory) => Path.Combine(bucketDirectory, "objects");

    private static void WriteBucket(string directory, BucketRecord bucket) =>
        WriteAtomically(Path.Combine(directory, BucketFile), JsonSerializer.SerializeToUtf8Bytes(bucket, S3StorageJsonContext.Default.BucketRecord));

    private static ObjectMetadata? ReadMetadata(string path) =>
        File.Exists(path) ? JsonSerializer.Deserialize(File.ReadAllBytes(path), S3StorageJsonContext.Default.ObjectMetadata) : null;

    private static void WriteAtomically(string path, byte[] bytes)
    {
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        File.WriteAllBytes(temporary, bytes);
        File.Move(temporary, path, overwrite: true);
    }
}
