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

    public static string Timestamp(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static string Serialize(XElement root)
    {
        var builder = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        builder.Append(root.ToString(SaveOptions.DisableFormatting));
        return builder.ToString();
    }
}
