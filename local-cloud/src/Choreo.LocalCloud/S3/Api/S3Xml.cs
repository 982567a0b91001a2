using System.Globalization;
using System.Text;
using System.Xml.Linq;
using Choreo.LocalCloud.Auth;
using Choreo.LocalCloud.S3.Storage;

namespace Choreo.LocalCloud.S3.Api;

/// <summary>The XML documents S3 answers with (its 2006-03-01 namespace; errors carry none, as in AWS).</summary>
public static class S3Xml
{
    private static readonly XNamespace Ns = "http://s3.amazonaws.com/doc/2006-03-01/";

    public static string Error(S3Error error, string? resource, string requestId)
    {
        var root = new XElement("Error", new XElement("Code", error.Code), new XElement("Message", error.Message));
        foreach (var (name, value) in error.Details)
        {
            root.Add(new XElement(name, value));
        }

        if (resource is not null)
        {
            root.Add(new XElement("Resource", resource));
        }

        root.Add(new XElement("RequestId", requestId), new XElement("HostId", requestId));
        return Serialize(root);
    }

    public static string ListObjectsV2(
        string bucket, string prefix, string? delimiter, int maxKeys, string? continuationToken, string? startAfter, bool urlEncode, ObjectListing listing)
    {
        string Encode(string value) => urlEncode ? UriEncoding.Encode(value, keepSlash: true) : value;

        var root = new XElement(Ns + "ListBucketResult",
            new XElement(Ns + "Name", bucket),
            new XElement(Ns + "Prefix", Encode(prefix)),
            new XElement(Ns + "KeyCount", listing.KeyCount),
            new XElement(Ns + "MaxKeys", maxKeys),
            new XElement(Ns + "IsTruncated", listing.IsTruncated ? "true" : "false"));
        if (!string.IsNullOrEmpty(delimiter))
        {
            root.Add(new XElement(Ns + "Delimiter", Encode(delimiter)));
        }

        if (continuationToken is not null)
        {
            root.Add(new XElement(Ns + "ContinuationToken", continuationToken));
        }

        if (listing.NextContinuationToken is not null)
        {
            root.Add(new XElement(Ns + "NextContinuationToken", listing.NextContinuationToken));
        }

        if (!string.IsNullOrEmpty(startAfter))
        {
            root.Add(new XElement(Ns + "StartAfter", Encode(startAfter)));
        }

        if (urlEncode)
        {
            root.Add(new XElement(Ns + "EncodingType", "url"));
        }

        foreach (var item in listing.Contents)
        {
            root.Add(new XElement(Ns + "Contents",
                new XElement(Ns + "Key", Encode(item.Key)),
                new XElement(Ns + "LastModified", Timestamp(item.LastModified)),
                new XElement(Ns + "ETag", $"\"{item.ETag}\""),
                item.Checksum is { } checksum
                    ? new XElement[] { new(Ns + "ChecksumAlgorithm", checksum.Algorithm), new(Ns + "ChecksumType", checksum.Type) }
                    : [],
                new XElement(Ns + "Size", item.Size),
                new XElement(Ns + "StorageClass", "STANDARD")));
        }

        foreach (var commonPrefix in listing.CommonPrefixes)
        {
            root.Add(new XElement(Ns + "CommonPrefixes", new XElement(Ns + "Prefix", Encode(commonPrefix))));
        }

        return Serialize(root);
    }

    public static string ListBuckets(string ownerAccountId, IReadOnlyList<BucketRecord> buckets) => Serialize(
        new XElement(Ns + "ListAllMyBucketsResult",
            new XElement(Ns + "Owner", new XElement(Ns + "ID", ownerAccountId), new XElement(Ns + "DisplayName", ownerAccountId)),
            new XElement(Ns + "Buckets", buckets.Select(b => new XElement(Ns + "Bucket",
                new XElement(Ns + "Name", b.Name),
                new XElement(Ns + "CreationDate", Timestamp(b.CreatedAt)),
                new XElement(Ns + "BucketRegion", b.Region))))));

    /// <summary>us-east-1 is reported as an empty constraint, as S3 does.</summary>
    public static string LocationConstraint(string region) =>
        Serialize(new XElement(Ns + "LocationConstraint", region == "us-east-1" ? string.Empty : region));

    public static string Tagging(IReadOnlyDictionary<string, string> tags) => Serialize(
        new XElement(Ns + "Tagging", new XElement(Ns + "TagSet",
            tags.Select(t => new XElement(Ns + "Tag", new XElement(Ns + "Key", t.Key), new XElement(Ns + "Value", t.Value))))));

    public static string CopyObjectResult(string etag, DateTimeOffset lastModified, ObjectChecksum? checksum) => Serialize(
        new XElement(Ns + "CopyObjectResult",
            new XElement(Ns + "ETag", $"\"{etag}\""),
            new XElement(Ns + "LastModified", Timestamp(lastModified)),
            checksum is null ? null : new XElement(Ns + "Checksum" + checksum.Algorithm, checksum.Value),
            checksum is null ? null : new XElement(Ns + "ChecksumType", checksum.Type)));

    public static string CopyPartResult(string etag, DateTimeOffset lastModified, string? algorithm, string? checksum) => Serialize(
        new XElement(Ns + "CopyPartResult",
            new XElement(Ns + "ETag", $"\"{etag}\""),
            new XElement(Ns + "LastModified", Timestamp(lastModified)),
            algorithm is null ? null : new XElement(Ns + "Checksum" + algorithm, checksum)));

    public static string DeleteResult(IReadOnlyList<string> deleted, IReadOnlyList<(string Key, string Code, string Message)> errors) => Serialize(
        new XElement(Ns + "DeleteResult",
            deleted.Select(k => new XElement(Ns + "Deleted", new XElement(Ns + "Key", k))),
            errors.Select(e => new XElement(Ns + "Error", new XElement(Ns + "Key", e.Key), new XElement(Ns + "Code", e.Code), new XElement(Ns + "Message", e.Message)))));

    public static string InitiateMultipartUploadResult(string bucket, string key, string uploadId) => Serialize(
        new XElement(Ns + "InitiateMultipartUploadResult",
            new XElement(Ns + "Bucket", bucket), new XElement(Ns + "Key", key), new XElement(Ns + "UploadId", uploadId)));

    public static string CompleteMultipartUploadResult(string location, string bucket, string key, string etag, ObjectChecksum? checksum) => Serialize(
        new XElement(Ns + "CompleteMultipartUploadResult",
            new XElement(Ns + "Location", location),
            new XElement(Ns + "Bucket", bucket),
            new XElement(Ns + "Key", key),
            new XElement(Ns + "ETag", $"\"{etag}\""),
            checksum is null ? null : new XElement(Ns + "Checksum" + checksum.Algorithm, checksum.Value),
            checksum is null ? null : new XElement(Ns + "ChecksumType", checksum.Type)));

    internal static string ListPartsResult(MultipartUpload upload, IReadOnlyList<MultipartPart> parts, int marker, int maxParts, bool truncated) => Serialize(
        new XElement(Ns + "ListPartsResult",
            new XElement(Ns + "Bucket", upload.Bucket),
            new XElement(Ns + "Key", upload.Key),
            new XElement(Ns + "UploadId", upload.UploadId),
            new XElement(Ns + "Initiator", new XElement(Ns + "ID", upload.InitiatorAccountId), new XElement(Ns + "DisplayName", upload.InitiatorAccountId)),
            new XElement(Ns + "Owner", new XElement(Ns + "ID", upload.InitiatorAccountId), new XElement(Ns + "DisplayName", upload.InitiatorAccountId)),
            new XElement(Ns + "StorageClass", "STANDARD"),
            new XElement(Ns + "PartNumberMarker", marker),
            new XElement(Ns + "NextPartNumberMarker", parts.Count > 0 ? parts[^1].PartNumber : marker),
            new XElement(Ns + "MaxParts", maxParts),
            new XElement(Ns + "IsTruncated", truncated ? "true" : "false"),
            upload.ChecksumAlgorithm is null ? null : new XElement(Ns + "ChecksumAlgorithm", upload.ChecksumAlgorithm),
            upload.ChecksumAlgorithm is null ? null : new XElement(Ns + "ChecksumType", upload.ChecksumType),
            parts.Select(p => new XElement(Ns + "Part",
                new XElement(Ns + "PartNumber", p.PartNumber),
                new XElement(Ns + "LastModified", Timestamp(p.LastModified)),
                new XElement(Ns + "ETag", $"\"{p.ETag}\""),
                new XElement(Ns + "Size", p.Content.Size),
                p.Checksum is null ? null : new XElement(Ns + "Checksum" + upload.ChecksumAlgorithm, p.Checksum)))));

    internal static string ListMultipartUploadsResult(string bucket, string prefix, string keyMarker, int maxUploads, IReadOnlyList<MultipartUpload> uploads, bool truncated) => Serialize(
        new XElement(Ns + "ListMultipartUploadsResult",
            new XElement(Ns + "Bucket", bucket),
            new XElement(Ns + "KeyMarker", keyMarker),
            new XElement(Ns + "UploadIdMarker", string.Empty),
            new XElement(Ns + "NextKeyMarker", uploads.Count > 0 ? uploads[^1].Key : string.Empty),
            new XElement(Ns + "NextUploadIdMarker", uploads.Count > 0 ? uploads[^1].UploadId : string.Empty),
            new XElement(Ns + "Prefix", prefix),
            new XElement(Ns + "MaxUploads", maxUploads),
            new XElement(Ns + "IsTruncated", truncated ? "true" : "false"),
            uploads.Select(u => new XElement(Ns + "Upload",
                new XElement(Ns + "Key", u.Key),
                new XElement(Ns + "UploadId", u.UploadId),
                new XElement(Ns + "Initiator", new XElement(Ns + "ID", u.InitiatorAccountId), new XElement(Ns + "DisplayName", u.InitiatorAccountId)),
                new XElement(Ns + "Owner", new XElement(Ns + "ID", u.InitiatorAccountId), new XElement(Ns + "DisplayName", u.InitiatorAccountId)),
                new XElement(Ns + "StorageClass", "STANDARD"),
                new XElement(Ns + "Initiated", Timestamp(u.Initiated)),
                u.ChecksumAlgorithm is null ? null : new XElement(Ns + "ChecksumAlgorithm", u.ChecksumAlgorithm)))));

    public static string Timestamp(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static string Serialize(XElement root)
    {
        var builder = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        builder.Append(root.ToString(SaveOptions.DisableFormatting));
        return builder.ToString();
    }
}
