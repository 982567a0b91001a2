using System.Globalization;
using System.Security.Cryptography;
using System.Xml.Linq;
using Choreo.LocalCloud.Accounts;
using Choreo.LocalCloud.Auth;
using Choreo.LocalCloud.S3.Storage;
using Choreo.LocalCloud.Time;
using Microsoft.AspNetCore.Http;

namespace Choreo.LocalCloud.S3.Api;

/// <summary>
/// Multipart upload: Create, UploadPart, UploadPartCopy, Complete, Abort, ListParts and ListMultipartUploads,
/// with S3's rules: part numbers 1-10,000, parts up to 5 GiB, every part but the last at least 5 MiB, the
/// completed object's ETag the MD5 of the parts' MD5s with <c>-N</c>, and composite or full-object checksums.
/// </summary>
internal sealed class MultipartOperations(IS3ObjectStore store, ObjectOperations objects, IClock clock)
{
    public const long MinPartBytes = 5L * 1024 * 1024;
    private const int MaxPartNumber = 10000;
    private readonly MultipartUploads _uploads = new();

    public async Task CreateAsync(HttpContext context, BucketRecord bucket, string key, AccountContext caller, CancellationToken cancellationToken)
    {
        ObjectOperations.ValidateKey(key);
        var headers = context.Request.Headers;
        var template = ObjectRequestHeaders.Template(headers, key);
        BucketAccess.Authorize(bucket, caller, "s3:PutObject", BucketAccess.ObjectArn(bucket, key));
        var algorithmHeader = headers["x-amz-checksum-algorithm"].ToString();
        var algorithm = algorithmHeader.Length > 0 ? RequestPayload.Supported(algorithmHeader) : null;
        var type = headers["x-amz-checksum-type"].ToString() switch
        {
            "" => algorithm == "CRC64NVME" ? "FULL_OBJECT" : "COMPOSITE",
            "COMPOSITE" when algorithm != "CRC64NVME" => "COMPOSITE",
            "FULL_OBJECT" when algorithm is "CRC32" or "CRC32C" or "CRC64NVME" => "FULL_OBJECT",
            var other => throw new S3Error("InvalidRequest", $"The {other} checksum type cannot be used with the {algorithm ?? "(none)"} checksum algorithm.", 400),
        };
        var upload = new MultipartUpload(NewUploadId(), bucket.Name, key, caller.AccountId, clock.UtcNow, template, algorithm, type);
        _uploads.Add(upload);
        if (algorithm is not null)
        {
            context.Response.Headers["x-amz-checksum-algorithm"] = algorithm;
            context.Response.Headers["x-amz-checksum-type"] = type;
        }

        await S3Response.WriteXmlAsync(context, 200, S3Xml.InitiateMultipartUploadResult(bucket.Name, key, upload.UploadId), cancellationToken);
    }

    public async Task UploadPartAsync(
        HttpContext context, BucketRecord bucket, string key, AccountContext caller, VerifiedRequest verified, CancellationToken cancellationToken)
    {
        var (upload, partNumber) = PartOf(context.Request.Query, bucket, key, caller, "s3:PutObject");
        var payload = await RequestPayload.StageAsync(context.Request, verified, store, upload.ChecksumAlgorithm is { } a ? [a] : [], cancellationToken);
        using (payload.Digests)
        {
            var checksum = upload.ChecksumAlgorithm is { } algorithm ? payload.Digests.Base64(algorithm) : null;
            upload.Put(new MultipartPart(partNumber, payload.Content, payload.Content.Md5Hex, clock.UtcNow, checksum));
            context.Response.StatusCode = 200;
            context.Response.Headers.ETag = $"\"{payload.Content.Md5Hex}\"";
            if (checksum is not null)
            {
                context.Response.Headers[$"x-amz-checksum-{upload.ChecksumAlgorithm!.ToLowerInvariant()}"] = checksum;
            }
        }
    }

    public async Task UploadPartCopyAsync(HttpContext context, BucketRecord bucket, string key, AccountContext caller, CancellationToken cancellationToken)
    {
        var (upload, partNumber) = PartOf(context.Request.Query, bucket, key, caller, "s3:PutObject");
        var headers = context.Request.Headers;
        using var source = objects.OpenSource(CopySource.Parse(headers["x-amz-copy-source"].ToString()), caller);
        if (ReadPreconditions.Evaluate(headers, source.Metadata, "x-amz-copy-source-") is not null)
        {
            throw ReadPreconditions.Failed("x-amz-copy-source-If-None-Match");
        }

        var rangeHeader = headers["x-amz-copy-source-range"].ToString();
        ByteRange range;
        if (rangeHeader.Length == 0)
        {
            range = new ByteRange(0, source.Metadata.Size);
        }
        else
        {
            range = ByteRange.Parse(rangeHeader, source.Metadata.Size) is { } parsed && rangeHeader.Contains('-') && !rangeHeader.StartsWith("bytes=-", StringComparison.Ordinal)
                ? parsed
                : throw new S3Error("InvalidArgument", "The x-amz-copy-source-range value must be of the form bytes=first-last where first and last are the zero-based offsets of the first and last bytes to copy", 400,
                    [new("ArgumentName", "x-amz-copy-source-range"), new("ArgumentValue", rangeHeader)]);
        }

        if (range.Length > RequestPayload.MaxObjectBytes)
        {
            throw new S3Error("InvalidRequest", $"The specified copy source is larger than the maximum allowable size for a copy source: {RequestPayload.MaxObjectBytes}", 400);
        }

        using var digests = new PayloadDigests(upload.ChecksumAlgorithm is { } a ? [a] : [], contentSha256: false);
        var staged = await store.StageAsync(new DigestingReadStream(new RangeReadStream(source.Data, range.Offset, range.Length), digests), cancellationToken);
        var checksum = upload.ChecksumAlgorithm is { } algorithm ? digests.Base64(algorithm) : null;
        var part = new MultipartPart(partNumber, staged, staged.Md5Hex, clock.UtcNow, checksum);
        upload.Put(part);
        await S3Response.WriteXmlAsync(context, 200, S3Xml.CopyPartResult(part.ETag, part.LastModified, upload.ChecksumAlgorithm, checksum), cancellationToken);
    }

    public async Task CompleteAsync(
        HttpContext context, BucketRecord bucket, string key, AccountContext caller, VerifiedRequest verified, CancellationToken cancellationToken)
    {
        BucketAccess.Authorize(bucket, caller, "s3:PutObject", BucketAccess.ObjectArn(bucket, key));
        var upload = _uploads.Find(context.Request.Query["uploadId"].ToString(), bucket.Name, key);
        var preconditions = WritePreconditions.From(context.Request.Headers);
        var requested = ParseCompletion(await RequestPayload.ReadDocumentAsync(context.Request, verified, cancellationToken));
        var parts = upload.Parts.ToDictionary(p => p.PartNumber);
        var chosen = new List<MultipartPart>();
        for (var i = 0; i < requested.Count; i++)
        {
            var (number, etag) = requested[i];
            if (i > 0 && number <= requested[i - 1].PartNumber)
            {
                throw new S3Error("InvalidPartOrder", "The list of parts was not in ascending order. Parts must be ordered by part number.", 400, [new("UploadId", upload.UploadId)]);
            }

            if (!parts.TryGetValue(number, out var part) || part.ETag != etag.Trim().Trim('"'))
            {
                throw new S3Error("InvalidPart",
                    "One or more of the specified parts could not be found.  The part may not have been uploaded, or the specified entity tag may not match the part's entity tag.", 400,
                    [new("UploadId", upload.UploadId), new("PartNumber", number.ToString(CultureInfo.InvariantCulture)), new("ETag", etag)]);
            }

            if (i < requested.Count - 1 && part.Content.Size < MinPartBytes)
            {
                throw new S3Error("EntityTooSmall", "Your proposed upload is smaller than the minimum allowed size", 400,
                    [new("ProposedSize", part.Content.Size.ToString(CultureInfo.InvariantCulture)), new("MinSizeAllowed", MinPartBytes.ToString(CultureInfo.InvariantCulture)),
                     new("PartNumber", number.ToString(CultureInfo.InvariantCulture)), new("ETag", part.ETag)]);
            }

            chosen.Add(part);
        }

        var etagOfParts = Convert.ToHexStringLower(MD5.HashData(chosen.SelectMany(p => Convert.FromHexString(p.ETag)).ToArray())) + "-" + chosen.Count;
        var fullObjectAlgorithms = upload.ChecksumType == "FULL_OBJECT" && upload.ChecksumAlgorithm is { } full ? new[] { full } : [];
        using var digests = new PayloadDigests(fullObjectAlgorithms, contentSha256: false);
        using var staged = await store.StageAsync(new DigestingReadStream(new ConcatenatedReadStream(chosen.Select(p => p.Content)), digests), cancellationToken);
        var checksum = upload.ChecksumAlgorithm switch
        {
            null => null,
            var algorithm when upload.ChecksumType == "FULL_OBJECT" => new ObjectChecksum(algorithm, digests.Base64(algorithm), "FULL_OBJECT"),
            var algorithm => new ObjectChecksum(algorithm,
                Convert.ToBase64String(PayloadDigests.Compute(algorithm, chosen.SelectMany(p => Convert.FromBase64String(p.Checksum ?? string.Empty)).ToArray())) + "-" + chosen.Count,
                "COMPOSITE"),
        };
        VerifyFullObjectChecksum(context.Request.Headers, checksum);
        if (!_uploads.TryRemove(upload))
        {
            throw new S3Error("NoSuchUpload", "The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.", 404, [new("UploadId", upload.UploadId)]);
        }

        ObjectMetadata stored;
        try
        {
            stored = store.Commit(bucket.Name, staged, upload.Template with { ETag = etagOfParts, Checksum = checksum, PartsCount = chosen.Count },
                current => preconditions.Check(key, current));
        }
        catch
        {
            // A failed precondition leaves the upload in place, as S3 does, so the client may retry or abort.
            _uploads.Add(upload);
            throw;
        }

        upload.Discard();
        var location = $"{context.Request.Scheme}://{context.Request.Host}/{bucket.Name}/{UriEncoding.Encode(key, keepSlash: true)}";
        await S3Response.WriteXmlAsync(context, 200, S3Xml.CompleteMultipartUploadResult(location, bucket.Name, key, stored.ETag, stored.Checksum), cancellationToken);
    }

    public void Abort(HttpContext context, BucketRecord bucket, string key, AccountContext caller)
    {
        BucketAccess.Authorize(bucket, caller, "s3:AbortMultipartUpload", BucketAccess.ObjectArn(bucket, key));
        var upload = _uploads.Find(context.Request.Query["uploadId"].ToString(), bucket.Name, key);
        if (_uploads.TryRemove(upload))
        {
            upload.Discard();
        }

        context.Response.StatusCode = 204;
    }

    public async Task ListPartsAsync(HttpContext context, BucketRecord bucket, string key, AccountContext caller, QueryParameters query, CancellationToken cancellationToken)
    {
        BucketAccess.Authorize(bucket, caller, "s3:ListMultipartUploadParts", BucketAccess.ObjectArn(bucket, key));
        var upload = _uploads.Find(query.Get("uploadId") ?? string.Empty, bucket.Name, key);
        var maxParts = IntegerArgument(query, "max-parts", 1000, 1000);
        var marker = IntegerArgument(query, "part-number-marker", 0, int.MaxValue);
        var after = upload.Parts.Where(p => p.PartNumber > marker).ToList();
        var page = after.Take(maxParts).ToList();
        await S3Response.WriteXmlAsync(context, 200,
            S3Xml.ListPartsResult(upload, page, marker, maxParts, after.Count > page.Count), cancellationToken);
    }

    public async Task ListUploadsAsync(HttpContext context, BucketRecord bucket, AccountContext caller, QueryParameters query, CancellationToken cancellationToken)
    {
        BucketAccess.Authorize(bucket, caller, "s3:ListBucketMultipartUploads", bucket.Arn);
        var prefix = query.Get("prefix") ?? string.Empty;
        var maxUploads = IntegerArgument(query, "max-uploads", 1000, 1000);
        var keyMarker = query.Get("key-marker") ?? string.Empty;
        var uploads = _uploads.InBucket(bucket.Name)
            .Where(u => u.Key.StartsWith(prefix, StringComparison.Ordinal) && string.CompareOrdinal(u.Key, keyMarker) > 0)
            .ToList();
        var page = uploads.Take(maxUploads).ToList();
        await S3Response.WriteXmlAsync(context, 200, S3Xml.ListMultipartUploadsResult(bucket.Name, prefix, keyMarker, maxUploads, page, uploads.Count > page.Count), cancellationToken);
    }

    private (MultipartUpload Upload, int PartNumber) PartOf(IQueryCollection query, BucketRecord bucket, string key, AccountContext caller, string action)
    {
        BucketAccess.Authorize(bucket, caller, action, BucketAccess.ObjectArn(bucket, key));
        if (!int.TryParse(query["partNumber"], NumberStyles.None, CultureInfo.InvariantCulture, out var partNumber) || partNumber is < 1 or > MaxPartNumber)
        {
            throw new S3Error("InvalidArgument", "Part number must be an integer between 1 and 10000, inclusive", 400,
                [new("ArgumentName", "partNumber"), new("ArgumentValue", query["partNumber"].ToString())]);
        }

        return (_uploads.Find(query["uploadId"].ToString(), bucket.Name, key), partNumber);
    }

    private static void VerifyFullObjectChecksum(IHeaderDictionary headers, ObjectChecksum? checksum)
    {
        foreach (var algorithm in PayloadDigests.Algorithms)
        {
            var provided = headers[PayloadDigests.HeaderPrefix + algorithm.ToLowerInvariant()].ToString();
            if (provided.Length > 0 && (checksum is null || checksum.Algorithm != algorithm || checksum.Value != provided.Trim()))
            {
                throw new S3Error("BadDigest", $"The {algorithm} you specified did not match the calculated checksum.", 400);
            }
        }
    }

    private static List<(int PartNumber, string ETag)> ParseCompletion(byte[] document)
    {
        XDocument xml;
        try
        {
            xml = XDocument.Parse(System.Text.Encoding.UTF8.GetString(document));
        }
        catch (System.Xml.XmlException)
        {
            throw S3Errors.MalformedXml();
        }

        var parts = xml.Root?.Elements().Where(e => e.Name.LocalName == "Part").Select(p =>
        {
            var number = p.Elements().FirstOrDefault(e => e.Name.LocalName == "PartNumber")?.Value;
            var etag = p.Elements().FirstOrDefault(e => e.Name.LocalName == "ETag")?.Value;
            return int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && etag is not null
                ? (n, etag)
                : throw S3Errors.MalformedXml();
        }).ToList();
        return parts is { Count: > 0 } ? parts : throw S3Errors.MalformedXml();
    }

    private static int IntegerArgument(QueryParameters query, string name, int fallback, int ceiling)
    {
        var text = query.Get(name);
        if (text is null)
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? Math.Min(value, ceiling)
            : throw new S3Error("InvalidArgument", $"Provided {name} not an integer or within integer range", 400, [new("ArgumentName", name), new("ArgumentValue", text)]);
    }

    private static string NewUploadId() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)).Replace('+', '-').Replace('/', '_').TrimEnd('=');
}
