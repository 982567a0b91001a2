using System.Globalization;
using Choreo.LocalCloud.Accounts;
using Choreo.LocalCloud.Auth;
using Choreo.LocalCloud.S3.Storage;
using Microsoft.AspNetCore.Http;

namespace Choreo.LocalCloud.S3.Api;

/// <summary>
/// PutObject, GetObject/HeadObject, DeleteObject, CopyObject and object tagging, each authorized against the
/// bucket policy before any body is read, and streamed between the wire and the store.
/// </summary>
internal sealed class ObjectOperations(IS3ObjectStore store)
{
    private const string ChecksumModeHeader = "x-amz-checksum-mode";

    public async Task PutAsync(HttpContext context, BucketRecord bucket, string key, AccountContext caller, VerifiedRequest verified, CancellationToken cancellationToken)
    {
        ValidateKey(key);
        var headers = context.Request.Headers;
        var template = ObjectRequestHeaders.Template(headers, key);
        BucketAccess.Authorize(bucket, caller, "s3:PutObject", BucketAccess.ObjectArn(bucket, key));
        if (template.Tags is not null)
        {
            BucketAccess.Authorize(bucket, caller, "s3:PutObjectTagging", BucketAccess.ObjectArn(bucket, key));
        }

        var preconditions = WritePreconditions.From(headers);
        using var payload = await RequestPayload.StageAsync(context.Request, verified, store, [], cancellationToken);
        var stored = store.Commit(bucket.Name, payload.Content,
            template with { ETag = payload.Content.Md5Hex, Checksum = payload.Checksum },
            current => preconditions.Check(key, current));
        context.Response.StatusCode = 200;
        context.Response.Headers.ETag = $"\"{stored.ETag}\"";
        ObjectRequestHeaders.WriteChecksum(context.Response, stored.Checksum);
    }

    public async Task GetAsync(HttpContext context, BucketRecord bucket, string key, AccountContext caller, bool headOnly, CancellationToken cancellationToken)
    {
        BucketAccess.Authorize(bucket, caller, "s3:GetObject", BucketAccess.ObjectArn(bucket, key));
        if (context.Request.Query.ContainsKey("partNumber"))
        {
            throw S3Errors.NotImplemented("reading one part of an object (GetObject/HeadObject with partNumber)");
        }

        using var opened = headOnly ? null : store.OpenObject(bucket.Name, key);
        var metadata = (headOnly ? store.HeadObject(bucket.Name, key) : opened?.Metadata) ?? throw S3Errors.NoSuchKey(key);
        var response = context.Response;
        response.Headers.ETag = $"\"{metadata.ETag}\"";
        response.Headers.LastModified = metadata.LastModified.ToString("R", CultureInfo.InvariantCulture);
        if (ReadPreconditions.Evaluate(context.Request.Headers, metadata) is { } notModified)
        {
            response.StatusCode = notModified;
            return;
        }

        response.Headers.AcceptRanges = "bytes";
        ObjectRequestHeaders.Write(context, metadata);
        var range = ByteRange.Parse(context.Request.Headers.Range.ToString(), metadata.Size);
        if (range is null)
        {
            response.StatusCode = 200;
            if (string.Equals(context.Request.Headers[ChecksumModeHeader], "ENABLED", StringComparison.OrdinalIgnoreCase))
            {
                ObjectRequestHeaders.WriteChecksum(response, metadata.Checksum);
            }
        }
        else
        {
            response.StatusCode = 206;
            response.Headers.ContentRange = $"bytes {range.Offset}-{range.Last}/{metadata.Size}";
        }

        var offset = range?.Offset ?? 0;
        var length = range?.Length ?? metadata.Size;
        response.ContentLength = length;
        if (opened is not null)
        {
            await CopyRangeAsync(opened.Data, offset, length, response.Body, cancellationToken);
        }
    }

    public void Delete(HttpContext context, BucketRecord bucket, string key, AccountContext caller)
    {
        BucketAccess.Authorize(bucket, caller, "s3:DeleteObject", BucketAccess.ObjectArn(bucket, key));
        store.DeleteObject(bucket.Name, key);
        context.Response.StatusCode = 204;
    }

    /// <summary>
    /// CopyObject: reading the source needs s3:GetObject on it (the source bucket's owner or policy), writing
    /// needs s3:PutObject on the destination, so a cross-account copy needs both buckets to agree.
    /// </summary>
    public async Task CopyAsync(HttpContext context, BucketRecord bucket, string key, AccountContext caller, CancellationToken cancellationToken)
    {
        ValidateKey(key);
        var headers = context.Request.Headers;
        var source = CopySource.Parse(headers["x-amz-copy-source"].ToString());
        var directive = Directive(headers, "x-amz-metadata-directive");
        var taggingDirective = Directive(headers, "x-amz-tagging-directive");
        BucketAccess.Authorize(bucket, caller, "s3:PutObject", BucketAccess.ObjectArn(bucket, key));
        using var opened = OpenSource(source, caller);
        var sourceMetadata = opened.Metadata;
        if (ReadPreconditions.Evaluate(headers, sourceMetadata, "x-amz-copy-source-") is not null)
        {
            throw ReadPreconditions.Failed("x-amz-copy-source-If-None-Match");
        }

        if (source.Bucket == bucket.Name && source.Key == key && directive == "COPY")
        {
            throw new S3Error("InvalidRequest",
                "This copy request is illegal because it is trying to copy an object to itself without changing the object's metadata, storage class, website redirect location or encryption attributes.", 400);
        }

        if (sourceMetadata.Size > RequestPayload.MaxObjectBytes)
        {
            throw new S3Error("InvalidRequest", $"The specified copy source is larger than the maximum allowable size for a copy source: {RequestPayload.MaxObjectBytes}", 400);
        }

        var requested = ObjectRequestHeaders.Template(headers, key);
        var metadata = directive == "REPLACE"
            ? requested with { Tags = sourceMetadata.Tags }
            : sourceMetadata with { Key = key };
        metadata = metadata with { Tags = taggingDirective == "REPLACE" ? requested.Tags : sourceMetadata.Tags, PartsCount = null };
        var algorithm = headers["x-amz-checksum-algorithm"].ToString() is { Length: > 0 } named ? RequestPayload.Supported(named) : sourceMetadata.Checksum?.Algorithm;
        using var digests = new PayloadDigests(algorithm is null ? [] : [algorithm], contentSha256: false);
        using var staged = await store.StageAsync(new DigestingReadStream(opened.Data, digests), cancellationToken);
        var preconditions = WritePreconditions.From(headers);
        var checksum = algorithm is null ? null : new ObjectChecksum(algorithm, digests.Base64(algorithm), "FULL_OBJECT");
        var stored = store.Commit(bucket.Name, staged, metadata with { ETag = staged.Md5Hex, Checksum = checksum }, current => preconditions.Check(key, current));
        await S3Response.WriteXmlAsync(context, 200, S3Xml.CopyObjectResult(stored.ETag, stored.LastModified, stored.Checksum), cancellationToken);
    }

    /// <summary>Opens the source of a copy after checking s3:GetObject on it.</summary>
    public ObjectContent OpenSource(CopySource source, AccountContext caller)
    {
        var sourceBucket = store.FindBucket(source.Bucket) ?? throw S3Errors.NoSuchBucket(source.Bucket);
        BucketAccess.Authorize(sourceBucket, caller, "s3:GetObject", BucketAccess.ObjectArn(sourceBucket, source.Key));
        return store.OpenObject(sourceBucket.Name, source.Key) ?? throw S3Errors.NoSuchKey(source.Key);
    }

    public async Task GetTaggingAsync(HttpContext context, BucketRecord bucket, string key, AccountContext caller, CancellationToken cancellationToken)
    {
        BucketAccess.Authorize(bucket, caller, "s3:GetObjectTagging", BucketAccess.ObjectArn(bucket, key));
        var metadata = store.HeadObject(bucket.Name, key) ?? throw S3Errors.NoSuchKey(key);
        await S3Response.WriteXmlAsync(context, 200, ObjectTagSet.ToXml(metadata.Tags), cancellationToken);
    }

    public async Task PutTaggingAsync(HttpContext context, BucketRecord bucket, string key, AccountContext caller, VerifiedRequest verified, CancellationToken cancellationToken)
    {
        BucketAccess.Authorize(bucket, caller, "s3:PutObjectTagging", BucketAccess.ObjectArn(bucket, key));
        var tags = ObjectTagSet.FromXml(await RequestPayload.ReadDocumentAsync(context.Request, verified, cancellationToken));
        _ = store.UpdateMetadata(bucket.Name, key, m => m with { Tags = tags }) ?? throw S3Errors.NoSuchKey(key);
        context.Response.StatusCode = 200;
    }

    public void DeleteTagging(HttpContext context, BucketRecord bucket, string key, AccountContext caller)
    {
        BucketAccess.Authorize(bucket, caller, "s3:DeleteObjectTagging", BucketAccess.ObjectArn(bucket, key));
        _ = store.UpdateMetadata(bucket.Name, key, m => m with { Tags = null }) ?? throw S3Errors.NoSuchKey(key);
        context.Response.StatusCode = 204;
    }

    /// <summary>DeleteObjects: up to 1,000 keys, each authorized on its own; quiet mode reports only errors.</summary>
    public async Task DeleteManyAsync(HttpContext context, BucketRecord bucket, AccountContext caller, VerifiedRequest verified, CancellationToken cancellationToken)
    {
        var headers = context.Request.Headers;
        if (headers.ContentMD5.Count == 0 && !headers.Keys.Any(h => h.StartsWith(PayloadDigests.HeaderPrefix, StringComparison.OrdinalIgnoreCase))
            && !headers.ContainsKey("x-amz-sdk-checksum-algorithm") && !headers.ContainsKey("x-amz-trailer"))
        {
            throw new S3Error("InvalidRequest", "Missing required header for this request: Content-MD5", 400);
        }

        var request = DeleteObjectsRequest.Parse(await RequestPayload.ReadDocumentAsync(context.Request, verified, cancellationToken));
        var deleted = new List<string>();
        var errors = new List<(string Key, string Code, string Message)>();
        foreach (var key in request.Keys)
        {
            if (BucketAccess.IsAllowed(bucket, caller, "s3:DeleteObject", BucketAccess.ObjectArn(bucket, key)))
            {
                store.DeleteObject(bucket.Name, key);
                deleted.Add(key);
            }
            else
            {
                errors.Add((key, "AccessDenied", "Access Denied"));
            }
        }

        await S3Response.WriteXmlAsync(context, 200, S3Xml.DeleteResult(request.Quiet ? [] : deleted, errors), cancellationToken);
    }

    public static void ValidateKey(string key)
    {
        if (System.Text.Encoding.UTF8.GetByteCount(key) > 1024)
        {
            throw new S3Error("KeyTooLongError", "Your key is too long", 400);
        }
    }

    private static string Directive(IHeaderDictionary headers, string name)
    {
        var value = headers[name].ToString();
        return value switch
        {
            "" or "COPY" => "COPY",
            "REPLACE" => "REPLACE",
            _ => throw new S3Error("InvalidArgument", $"Unknown {(name.Contains("tagging") ? "tagging" : "metadata")} directive.", 400,
                [new("ArgumentName", name), new("ArgumentValue", value)]),
        };
    }

    /// <summary>Copies <paramref name="length"/> bytes from <paramref name="offset"/> in fixed-size buffers.</summary>
    public static async Task CopyRangeAsync(Stream source, long offset, long length, Stream destination, CancellationToken cancellationToken)
    {
        if (offset > 0)
        {
            if (source.CanSeek)
            {
                source.Seek(offset, SeekOrigin.Begin);
            }
            else
            {
                await CopyRangeAsync(source, 0, offset, Stream.Null, cancellationToken);
            }
        }

        var buffer = new byte[81920];
        while (length > 0)
        {
            var read = await source.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, length)), cancellationToken);
            if (read == 0)
            {
                throw new IOException("the stored object ended before its recorded size");
            }

            await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            length -= read;
        }
    }
}
