using System.Collections.Concurrent;

namespace Choreo.LocalCloud.S3.Api;

/// <summary>
/// The multipart uploads in progress on one local-cloud instance, by upload id. They live in memory (their
/// parts in the store's staging): a restart forgets uploads that were never completed, as if aborted.
/// </summary>
internal sealed class MultipartUploads
{
    private readonly ConcurrentDictionary<string, MultipartUpload> _uploads = new(StringComparer.Ordinal);

    public void Add(MultipartUpload upload) => _uploads[upload.UploadId] = upload;

    /// <summary>The upload with this id on this bucket and key; NoSuchUpload otherwise.</summary>
    public MultipartUpload Find(string uploadId, string bucket, string key) =>
        _uploads.TryGetValue(uploadId, out var upload) && upload.Bucket == bucket && upload.Key == key
            ? upload
            : throw new S3Error("NoSuchUpload",
                "The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.", 404,
                [new("UploadId", uploadId)]);

    /// <summary>Removes the upload; false if another request (a concurrent complete or abort) removed it first.</summary>
    public bool TryRemove(MultipartUpload upload) => _uploads.TryRemove(new KeyValuePair<string, MultipartUpload>(upload.UploadId, upload));

    public IReadOnlyList<MultipartUpload> InBucket(string bucket) =>
        [.. _uploads.Values.Where(u => u.Bucket == bucket).OrderBy(u => u.Key, StringComparer.Ordinal).ThenBy(u => u.Initiated)];
}
