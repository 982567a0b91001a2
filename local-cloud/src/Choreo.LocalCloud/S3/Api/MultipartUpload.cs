using Choreo.LocalCloud.S3.Storage;

namespace Choreo.LocalCloud.S3.Api;

/// <summary>
/// A multipart upload in progress: what CreateMultipartUpload fixed (key, content type, metadata, headers,
/// tags, checksum algorithm and type) and the parts uploaded so far (a re-uploaded part number replaces the
/// earlier part). Thread-safe; parts are staged by the object store until completion or abort.
/// </summary>
internal sealed class MultipartUpload(
    string uploadId, string bucket, string key, string initiatorAccountId, DateTimeOffset initiated, ObjectMetadata template,
    string? checksumAlgorithm, string checksumType)
{
    private readonly Lock _lock = new();
    private readonly SortedDictionary<int, MultipartPart> _parts = [];

    public string UploadId { get; } = uploadId;

    public string Bucket { get; } = bucket;

    public string Key { get; } = key;

    public string InitiatorAccountId { get; } = initiatorAccountId;

    public DateTimeOffset Initiated { get; } = initiated;

    /// <summary>The object's metadata as given at creation (size and ETag are filled in at completion).</summary>
    public ObjectMetadata Template { get; } = template;

    public string? ChecksumAlgorithm { get; } = checksumAlgorithm;

    /// <summary>COMPOSITE (a checksum of the part checksums, "-N") or FULL_OBJECT (the CRC of the whole object).</summary>
    public string ChecksumType { get; } = checksumType;

    public IReadOnlyList<MultipartPart> Parts
    {
        get
        {
            lock (_lock)
            {
                return [.. _parts.Values];
            }
        }
    }

    public void Put(MultipartPart part)
    {
        lock (_lock)
        {
            if (_parts.Remove(part.PartNumber, out var replaced))
            {
                replaced.Content.Dispose();
            }

            _parts[part.PartNumber] = part;
        }
    }

    /// <summary>Discards every staged part (after completion or abort).</summary>
    public void Discard()
    {
        lock (_lock)
        {
            foreach (var part in _parts.Values)
            {
                part.Content.Dispose();
            }

            _parts.Clear();
        }
    }
}
