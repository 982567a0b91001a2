namespace Choreo.LocalCloud.S3.Storage;

/// <summary>
/// Buckets (one global namespace, as in AWS) and their objects. Implementations are thread-safe; listing
/// returns keys in ascending ordinal order. Access rules live in the API layer, not here.
/// Objects move as streams: <see cref="StageAsync"/> receives bytes aside, <see cref="Commit"/> makes them the
/// object under a key in one atomic step, <see cref="OpenObject"/> reads one back. In-process callers can use
/// <see cref="PutObjectAsync"/> and <see cref="OpenObject"/> directly (no S3 access rules apply there).
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

    /// <summary>
    /// Copies <paramref name="content"/> to its end into staging (the disk store never holds it whole in
    /// memory), computing its MD5 on the way. An exception from the stream discards what was staged.
    /// </summary>
    Task<StagedContent> StageAsync(Stream content, CancellationToken cancellationToken);

    /// <summary>
    /// Makes <paramref name="content"/> the object <c>metadata.Key</c>, replacing any previous one atomically: a
    /// reader or a crash sees either the old bytes with the old metadata or the new with the new. The stored
    /// size is the content's and the modification time the store's clock. <paramref name="precondition"/> runs first, under the store's lock, with the
    /// current object's metadata (null if none); an exception from it cancels the write.
    /// </summary>
    ObjectMetadata Commit(string bucketName, StagedContent content, ObjectMetadata metadata, Action<ObjectMetadata?>? precondition = null);

    /// <summary>The object's metadata and a stream of its bytes, or null if there is no such key.</summary>
    ObjectContent? OpenObject(string bucketName, string key);

    ObjectMetadata? HeadObject(string bucketName, string key);

    /// <summary>Replaces the metadata of an existing object (bytes unchanged); null if there is no such key.</summary>
    ObjectMetadata? UpdateMetadata(string bucketName, string key, Func<ObjectMetadata, ObjectMetadata> update);

    /// <summary>Deletes the object if present (S3 reports success either way).</summary>
    void DeleteObject(string bucketName, string key);

    /// <summary>Every object whose key starts with <paramref name="prefix"/>, ordered by key.</summary>
    IReadOnlyList<ObjectMetadata> ListObjects(string bucketName, string prefix);

    /// <summary>Stores <paramref name="content"/> under <paramref name="key"/> (streamed; for in-process writers).</summary>
    async Task<ObjectMetadata> PutObjectAsync(
        string bucketName, string key, Stream content, string contentType, CancellationToken cancellationToken,
        IReadOnlyDictionary<string, string>? userMetadata = null)
    {
        using var staged = await StageAsync(content, cancellationToken);
        return Commit(bucketName, staged, new ObjectMetadata(key, staged.Size, staged.Md5Hex, default, contentType, userMetadata ?? new Dictionary<string, string>()));
    }

    /// <summary>Stores a small object from bytes.</summary>
    ObjectMetadata PutObject(string bucketName, string key, byte[] data, string contentType, IReadOnlyDictionary<string, string> userMetadata) =>
        PutObjectAsync(bucketName, key, new MemoryStream(data, writable: false), contentType, CancellationToken.None, userMetadata).GetAwaiter().GetResult();

    /// <summary>Reads a small object whole into memory; use <see cref="OpenObject"/> for anything large.</summary>
    StoredObject? GetObject(string bucketName, string key)
    {
        using var opened = OpenObject(bucketName, key);
        if (opened is null)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        opened.Data.CopyTo(buffer);
        return new StoredObject(opened.Metadata, buffer.ToArray());
    }
}
