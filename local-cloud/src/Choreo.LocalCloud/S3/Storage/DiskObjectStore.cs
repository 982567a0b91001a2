using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Choreo.Contracts.Accounts;
using Choreo.LocalCloud.Time;

namespace Choreo.LocalCloud.S3.Storage;

/// <summary>
/// Buckets and objects on disk under <c>{stateDirectory}/s3/{account}/{region}/{bucket}/</c>: <c>bucket.json</c>,
/// and per object a record <c>objects/{sha256(key)}.json</c> (metadata and the name of its data file) and a
/// data file <c>objects/{sha256(key)}.{unique}.data</c>. Keys are hashed into file names because S3 keys may be
/// 1024 bytes of anything. Bytes are streamed into <c>s3/.staging/</c>, flushed, and renamed to a fresh data
/// file; renaming the record over the old one is the commit, so a crash never pairs bytes with another
/// write's metadata. Leftovers of a crash are removed at start.
/// </summary>
public sealed class DiskObjectStore : IS3ObjectStore
{
    private const string BucketFile = "bucket.json";
    private readonly Lock _lock = new();
    private readonly string _root;
    private readonly string _staging;
    private readonly IClock _clock;
    private readonly Dictionary<string, (BucketRecord Bucket, string Directory)> _buckets = new(StringComparer.Ordinal);

    public DiskObjectStore(string stateDirectory, IClock clock)
    {
        _root = Path.Combine(Path.GetFullPath(stateDirectory), "s3");
        _clock = clock;
        _staging = Path.Combine(_root, ".staging");
        Directory.CreateDirectory(_root);
        if (Directory.Exists(_staging))
        {
            Directory.Delete(_staging, recursive: true);
        }

        Directory.CreateDirectory(_staging);
        foreach (var file in Directory.EnumerateFiles(_root, BucketFile, SearchOption.AllDirectories))
        {
            var bucket = JsonSerializer.Deserialize(File.ReadAllBytes(file), S3StorageJsonContext.Default.BucketRecord)
                ?? throw new InvalidDataException($"the bucket file {file} is empty");
            _buckets[bucket.Name] = (bucket, Path.GetDirectoryName(file)!);
            RemoveLeftovers(ObjectsDirectory(Path.GetDirectoryName(file)!));
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

    public async Task<StagedContent> StageAsync(Stream content, CancellationToken cancellationToken) =>
        await StagedFile.WriteAsync(_staging, content, cancellationToken);

    public ObjectMetadata Commit(string bucketName, StagedContent content, ObjectMetadata metadata, Action<ObjectMetadata?>? precondition = null)
    {
        var staged = content as StagedFile ?? throw new ArgumentException("the content was not staged by this store", nameof(content));
        lock (_lock)
        {
            var basePath = ObjectBasePath(bucketName, metadata.Key);
            var current = ReadRecord(basePath);
            precondition?.Invoke(current?.Metadata);
            var stored = metadata with { Size = staged.Size, LastModified = _clock.UtcNow };
            var dataFile = $"{Path.GetFileName(basePath)}.{Guid.NewGuid():N}.data";
            File.Move(staged.Path, Path.Combine(Path.GetDirectoryName(basePath)!, dataFile));
            staged.Committed = true;

            // The record names its data file, so renaming the record is the commit: a crash before it leaves
            // the old object whole (and an orphan data file, removed at the next start).
            WriteRecord(basePath, new DiskObjectRecord(stored, dataFile));
            if (current is not null)
            {
                File.Delete(DataPath(basePath, current));
            }

            return stored;
        }
    }

    /// <summary>The file that holds an object's bytes (objects are stored under hashed names); null if there is no such key.</summary>
    public string? DataPathOf(string bucketName, string key)
    {
        lock (_lock)
        {
            var basePath = ObjectBasePath(bucketName, key);
            return ReadRecord(basePath) is { } record ? DataPath(basePath, record) : null;
        }
    }

    public ObjectContent? OpenObject(string bucketName, string key)
    {
        lock (_lock)
        {
            var basePath = ObjectBasePath(bucketName, key);
            if (ReadRecord(basePath) is not { } record)
            {
                return null;
            }

            // FileShare.Delete: an overwrite may unlink the file while it is read; the reader keeps its bytes.
            var stream = new FileStream(DataPath(basePath, record), FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920, useAsync: true);
            return new ObjectContent(record.Metadata, stream);
        }
    }

    public ObjectMetadata? HeadObject(string bucketName, string key)
    {
        lock (_lock)
        {
            return ReadRecord(ObjectBasePath(bucketName, key))?.Metadata;
        }
    }

    public ObjectMetadata? UpdateMetadata(string bucketName, string key, Func<ObjectMetadata, ObjectMetadata> update)
    {
        lock (_lock)
        {
            var basePath = ObjectBasePath(bucketName, key);
            if (ReadRecord(basePath) is not { } record)
            {
                return null;
            }

            var updated = update(record.Metadata) with { Key = key, Size = record.Metadata.Size };
            WriteRecord(basePath, record with { Metadata = updated });
            return updated;
        }
    }

    public void DeleteObject(string bucketName, string key)
    {
        lock (_lock)
        {
            var basePath = ObjectBasePath(bucketName, key);
            if (ReadRecord(basePath) is { } record)
            {
                File.Delete(basePath + ".json");
                File.Delete(DataPath(basePath, record));
            }
        }
    }

    public IReadOnlyList<ObjectMetadata> ListObjects(string bucketName, string prefix)
    {
        lock (_lock)
        {
            var (_, directory) = Entry(bucketName);
            return [.. Directory.EnumerateFiles(ObjectsDirectory(directory), "*.json")
                .Select(path => ReadRecord(path[..^".json".Length])?.Metadata)
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

    private static string DataPath(string basePath, DiskObjectRecord record) => Path.Combine(Path.GetDirectoryName(basePath)!, record.DataFile);

    private static void WriteRecord(string basePath, DiskObjectRecord record) =>
        WriteAtomically(basePath + ".json", JsonSerializer.SerializeToUtf8Bytes(record, S3StorageJsonContext.Default.DiskObjectRecord));

    /// <summary>The object's record; a state directory written before records named their data file holds bare metadata beside <c>.data</c>.</summary>
    private static DiskObjectRecord? ReadRecord(string basePath)
    {
        var path = basePath + ".json";
        if (!File.Exists(path))
        {
            return null;
        }

        var bytes = File.ReadAllBytes(path);
        var record = JsonSerializer.Deserialize(bytes, S3StorageJsonContext.Default.DiskObjectRecord);
        if (record?.Metadata is not null)
        {
            return record;
        }

        var metadata = JsonSerializer.Deserialize(bytes, S3StorageJsonContext.Default.ObjectMetadata)
            ?? throw new InvalidDataException($"the object record {path} is empty");
        return new DiskObjectRecord(metadata, Path.GetFileName(basePath) + ".data");
    }

    private static void WriteAtomically(string path, byte[] bytes)
    {
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
        {
            file.Write(bytes);
            file.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>
    /// Removes what a crash can leave behind: staged uploads, temporary record files, and data files that no
    /// record names (written, but never committed).
    /// </summary>
    private static void RemoveLeftovers(string objectsDirectory)
    {
        var named = new HashSet<string>(StringComparer.Ordinal);
        foreach (var recordPath in Directory.EnumerateFiles(objectsDirectory, "*.json"))
        {
            if (ReadRecord(recordPath[..^".json".Length]) is { } record)
            {
                named.Add(record.DataFile);
            }
        }

        foreach (var file in Directory.EnumerateFiles(objectsDirectory))
        {
            var name = Path.GetFileName(file);
            if (name.EndsWith(".tmp", StringComparison.Ordinal) || (name.EndsWith(".data", StringComparison.Ordinal) && !named.Contains(name)))
            {
                File.Delete(file);
            }
        }
    }
}
