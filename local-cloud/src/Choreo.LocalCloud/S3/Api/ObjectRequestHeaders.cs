using System.Text;
using Choreo.LocalCloud.S3.Storage;
using Microsoft.AspNetCore.Http;

namespace Choreo.LocalCloud.S3.Api;

/// <summary>
/// Reads from a PutObject, CreateMultipartUpload or CopyObject (REPLACE) request what S3 stores with the
/// object: content type, user metadata (at most 2 KB, as S3 limits it), the representation headers and tags;
/// and writes them back on GetObject/HeadObject, with the <c>response-*</c> query overrides.
/// </summary>
internal static class ObjectRequestHeaders
{
    public const string DefaultContentType = "binary/octet-stream";
    private const string UserMetadataPrefix = "x-amz-meta-";
    private const int MaxUserMetadataBytes = 2048;

    public static ObjectMetadata Template(IHeaderDictionary headers, string key)
    {
        var userMetadata = headers
            .Where(h => h.Key.StartsWith(UserMetadataPrefix, StringComparison.OrdinalIgnoreCase))
            .ToDictionary(h => h.Key[UserMetadataPrefix.Length..].ToLowerInvariant(), h => h.Value.ToString(), StringComparer.Ordinal);
        var metadataBytes = userMetadata.Sum(m => Encoding.UTF8.GetByteCount(m.Key) + Encoding.UTF8.GetByteCount(m.Value));
        if (metadataBytes > MaxUserMetadataBytes)
        {
            throw new S3Error("MetadataTooLarge", "Your metadata headers exceed the maximum allowed metadata size.", 400,
                [new("Size", metadataBytes.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("MaxSizeAllowed", "2048")]);
        }

        var contentType = string.IsNullOrEmpty(headers.ContentType) ? DefaultContentType : headers.ContentType.ToString();
        return new ObjectMetadata(key, 0, string.Empty, default, contentType, userMetadata, StoredHeaders(headers),
            Tags: ObjectTagSet.FromHeader(headers["x-amz-tagging"].ToString()));
    }

    public static void Write(HttpContext context, ObjectMetadata metadata)
    {
        var response = context.Response;
        var query = context.Request.Query;
        var headers = metadata.Headers ?? new ObjectHeaders();
        response.ContentType = Override(query, "response-content-type") ?? metadata.ContentType;
        SetIfPresent(response.Headers, "Cache-Control", Override(query, "response-cache-control") ?? headers.CacheControl);
        SetIfPresent(response.Headers, "Content-Disposition", Override(query, "response-content-disposition") ?? headers.ContentDisposition);
        SetIfPresent(response.Headers, "Content-Language", Override(query, "response-content-language") ?? headers.ContentLanguage);
        SetIfPresent(response.Headers, "Content-Encoding", Override(query, "response-content-encoding") ?? headers.ContentEncoding);
        SetIfPresent(response.Headers, "Expires", Override(query, "response-expires") ?? headers.Expires);
        foreach (var (name, value) in metadata.UserMetadata)
        {
            response.Headers[UserMetadataPrefix + name] = value;
        }

        if (metadata.Tags is { Count: > 0 } tags)
        {
            response.Headers["x-amz-tagging-count"] = tags.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (metadata.PartsCount is { } parts)
        {
            response.Headers["x-amz-mp-parts-count"] = parts.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    /// <summary>x-amz-checksum-* and x-amz-checksum-type of an object, as PutObject answers and GetObject does with x-amz-checksum-mode: ENABLED.</summary>
    public static void WriteChecksum(HttpResponse response, ObjectChecksum? checksum)
    {
        if (checksum is null)
        {
            return;
        }

        response.Headers[$"x-amz-checksum-{checksum.Algorithm.ToLowerInvariant()}"] = checksum.Value;
        response.Headers["x-amz-checksum-type"] = checksum.Type;
    }

    private static ObjectHeaders? StoredHeaders(IHeaderDictionary headers)
    {
        // aws-chunked is how the body travelled, not how the object is encoded: S3 does not store it.
        var encoding = string.Join(',', headers.ContentEncoding.ToString().Split(',')
            .Select(e => e.Trim()).Where(e => e.Length > 0 && !e.Equals("aws-chunked", StringComparison.OrdinalIgnoreCase)));
        var stored = new ObjectHeaders(
            Value(headers.CacheControl), Value(headers.ContentDisposition), Value(headers.ContentLanguage), Value(encoding), Value(headers.Expires));
        return stored.IsEmpty ? null : stored;
    }

    private static string? Value(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static string? Override(IQueryCollection query, string name) => query.TryGetValue(name, out var value) ? value.ToString() : null;

    private static void SetIfPresent(IHeaderDictionary headers, string name, string? value)
    {
        if (value is not null)
        {
            headers[name] = value;
        }
    }
}
