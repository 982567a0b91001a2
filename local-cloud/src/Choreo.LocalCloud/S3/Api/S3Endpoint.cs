using System.Globalization;
using System.Text.Json;
using System.Xml.Linq;
using Choreo.LocalCloud.Accounts;
using Choreo.LocalCloud.Auth;
using Choreo.LocalCloud.Hosting;
using Choreo.LocalCloud.Policies;
using Choreo.LocalCloud.S3.Storage;
using Choreo.LocalCloud.Time;
using Microsoft.AspNetCore.Http;

namespace Choreo.LocalCloud.S3.Api;

/// <summary>
/// S3's REST API: authenticates (header SigV4, presigned query, aws-chunked bodies and checksums), checks
/// that the caller's account owns the bucket, and serves the bucket and object operations Choreo uses.
/// Anything else is answered with <c>NotImplemented</c>, never a silent success.
/// </summary>
public sealed class S3Endpoint(IS3ObjectStore store, SignatureVerifier verifier, IClock clock)
{
    public const string SigningName = "s3";
    private const string DefaultContentType = "binary/octet-stream";
    private const string UserMetadataPrefix = "x-amz-meta-";

    // Sub-resources local-cloud does not serve; each is refused by name rather than treated as a plain request.
    private static readonly string[] UnsupportedSubresources =
    [
        "acl", "tagging", "uploads", "uploadId", "partNumber", "versionId", "versioning", "versions", "cors", "lifecycle",
        "website", "notification", "encryption", "replication", "logging", "retention", "legal-hold", "object-lock",
        "attributes", "restore", "select", "delete", "torrent", "accelerate", "requestPayment", "ownershipControls",
        "publicAccessBlock", "analytics", "inventory", "metrics", "intelligent-tiering", "policyStatus",
    ];

    public async Task HandleAsync(HttpContext context)
    {
        var cancellationToken = context.RequestAborted;
        var requestId = context.TraceIdentifier;
        context.Response.Headers["x-amz-request-id"] = requestId;
        context.Response.Headers["x-amz-id-2"] = requestId;
        var (rawPath, _) = ReceivedRequest.RawTarget(context);
        var target = S3RequestTarget.Resolve(context.Request.Host.Host, rawPath);
        var presigned = context.Request.Query.ContainsKey("X-Amz-Algorithm");
        try
        {
            var request = ReceivedRequest.ToVerify(context);
            var body = await ReceivedRequest.ReadBodyAsync(context.Request, cancellationToken);
            VerifiedRequest verified;
            byte[] payload;
            try
            {
                verified = verifier.Verify(request, SigningName, isS3: true, bodySha256: null);
                payload = DecodePayload(context.Request, verified, body);
            }
            catch (AuthFailure failure)
            {
                throw S3Errors.FromAuthFailure(failure, presigned, clock.UtcNow);
            }

            await DispatchAsync(context, target, request.Query, verified, payload, cancellationToken);
        }
        catch (S3Error error)
        {
            await WriteErrorAsync(context, error, ResourceOf(target), requestId, cancellationToken);
        }
        catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
        {
            var refused = new S3Error("InvalidRequest", "A value in the request took too long to validate; it is refused.", 400);
            await WriteErrorAsync(context, refused, ResourceOf(target), requestId, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var failure = new S3Error("InternalError", $"local-cloud failed to handle {context.Request.Method} {rawPath}: {e.GetType().Name}: {e.Message}", 500);
            await WriteErrorAsync(context, failure, ResourceOf(target), requestId, cancellationToken);
        }
    }

    private static byte[] DecodePayload(HttpRequest request, VerifiedRequest verified, byte[] body)
    {
        var payload = body;
        IReadOnlyDictionary<string, string> trailers = new Dictionary<string, string>();
        if (ContentSha256.IsStreaming(verified.PayloadHash))
        {
            long? decodedLength = long.TryParse(request.Headers["x-amz-decoded-content-length"], NumberStyles.None, CultureInfo.InvariantCulture, out var length)
                ? length
                : null;
            var decoded = AwsChunkedPayload.Decode(body, verified, verified.PayloadHash, decodedLength);
            payload = decoded.Data;
            trailers = decoded.Trailers;
        }
        else if (ContentSha256.IsHash(verified.PayloadHash)
            && !string.Equals(SigV4Signature.Sha256Hex(body), verified.PayloadHash, StringComparison.OrdinalIgnoreCase))
        {
            throw new AuthFailure(AuthFailureKind.ContentSha256Mismatch, "the body does not match x-amz-content-sha256");
        }

        var checksums = request.Headers
            .Select(h => new KeyValuePair<string, string>(h.Key.ToLowerInvariant(), h.Value.ToString()))
            .Concat(trailers)
            .Where(h => h.Key.StartsWith(PayloadChecksum.HeaderPrefix, StringComparison.Ordinal)
                && h.Key is not ("x-amz-checksum-algorithm" or "x-amz-checksum-type" or "x-amz-checksum-mode"));
        foreach (var (name, value) in checksums)
        {
            PayloadChecksum.Verify(name, value, payload);
        }

        if (request.Headers.ContentMD5 is { Count: > 0 } md5)
        {
            PayloadChecksum.VerifyContentMd5(md5.ToString(), payload);
        }

        return payload;
    }

    private async Task DispatchAsync(
        HttpContext context, S3RequestTarget target, QueryParameters query, VerifiedRequest verified, byte[] payload, CancellationToken cancellationToken)
    {
        var method = context.Request.Method;
        var caller = verified.Caller;
        if (target.Bucket is null)
        {
            if (method != HttpMethods.Get)
            {
                throw S3Errors.MethodNotAllowed(method);
            }

            await WriteXmlAsync(context, 200, S3Xml.ListBuckets(caller.AccountId, store.ListBuckets(caller.AccountId)), cancellationToken);
            return;
        }

        if (UnsupportedSubresources.FirstOrDefault(query.Contains) is { } subresource)
        {
            throw S3Errors.NotImplemented($"the '{subresource}' sub-resource ({method} ?{subresource})");
        }

        if (context.Request.Headers.ContainsKey("x-amz-copy-source"))
        {
            throw S3Errors.NotImplemented("CopyObject (x-amz-copy-source)");
        }

        if (target.Key is null && method == HttpMethods.Put && !query.Contains("policy"))
        {
            CreateBucket(context, target.Bucket, caller, verified.Presigned, payload);
            return;
        }

        var bucket = store.FindBucket(target.Bucket) ?? throw S3Errors.NoSuchBucket(target.Bucket);
        if (bucket.Region != caller.Region)
        {
            throw S3Errors.WrongRegion(caller.Region, bucket.Region, verified.Presigned);
        }

        if (target.Key is null)
        {
            await HandleBucketAsync(context, bucket, query, caller, payload, cancellationToken);
        }
        else
        {
            await HandleObjectAsync(context, bucket, target.Key, caller, payload, cancellationToken);
        }
    }

    private void CreateBucket(HttpContext context, string name, AccountContext caller, bool presigned, byte[] payload)
    {
        if (!BucketName.IsValid(name))
        {
            throw new S3Error("InvalidBucketName", "The specified bucket is not valid.", 400, [new("BucketName", name)]);
        }

        var region = LocationConstraintOf(payload) ?? caller.Region;
        if (region != caller.Region)
        {
            throw new S3Error("IllegalLocationConstraintException",
                $"The {region} location constraint is incompatible for the region specific endpoint this request was sent to.", 400);
        }

        if (!store.TryCreateBucket(new BucketRecord(name, caller.AccountId, region, clock.UtcNow)))
        {
            var existing = store.FindBucket(name);
            if (existing?.OwnerAccountId != caller.AccountId)
            {
                throw new S3Error("BucketAlreadyExists",
                    "The requested bucket name is not available. The bucket namespace is shared by all users of the system. Please select a different name and try again.",
                    409, [new("BucketName", name)]);
            }

            // us-east-1 keeps S3's legacy answer: re-creating a bucket you own there succeeds.
            if (existing.Region != "us-east-1" || presigned)
            {
                throw new S3Error("BucketAlreadyOwnedByYou",
                    "Your previous request to create the named bucket succeeded and you already own it.", 409, [new("BucketName", name)]);
            }
        }

        context.Response.StatusCode = 200;
        context.Response.Headers.Location = "/" + name;
    }

    private async Task HandleBucketAsync(
        HttpContext context, BucketRecord bucket, QueryParameters query, AccountContext caller, byte[] payload, CancellationToken cancellationToken)
    {
        var method = context.Request.Method;
        var action = (method, Policy: query.Contains("policy"), Location: query.Contains("location")) switch
        {
            ("PUT", true, _) => "s3:PutBucketPolicy",
            ("GET", true, _) => "s3:GetBucketPolicy",
            ("DELETE", true, _) => "s3:DeleteBucketPolicy",
            ("GET", _, true) => "s3:GetBucketLocation",
            ("GET", _, _) => "s3:ListBucket",
            ("HEAD", _, _) => "s3:ListBucket",
            ("DELETE", _, _) => "s3:DeleteBucket",
            _ => throw S3Errors.MethodNotAllowed(method),
        };
        Authorize(bucket, caller, action, bucket.Arn);
        switch (action)
        {
            case "s3:PutBucketPolicy":
                store.SetBucketPolicy(bucket.Name, ValidatedPolicy(payload, bucket.Arn));
                context.Response.StatusCode = 204;
                break;
            case "s3:GetBucketPolicy":
                var policy = bucket.Policy ?? throw new S3Error("NoSuchBucketPolicy", "The bucket policy does not exist", 404, [new("BucketName", bucket.Name)]);
                context.Response.StatusCode = 200;
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync(policy, cancellationToken);
                break;
            case "s3:DeleteBucketPolicy":
                store.SetBucketPolicy(bucket.Name, null);
                context.Response.StatusCode = 204;
                break;
            case "s3:GetBucketLocation":
                await WriteXmlAsync(context, 200, S3Xml.LocationConstraint(bucket.Region), cancellationToken);
                break;
            case "s3:DeleteBucket":
                if (!store.TryDeleteBucket(bucket.Name))
                {
                    throw new S3Error("BucketNotEmpty", "The bucket you tried to delete is not empty", 409, [new("BucketName", bucket.Name)]);
                }

                context.Response.StatusCode = 204;
                break;
            case "s3:ListBucket" when method == HttpMethods.Head:
                context.Response.StatusCode = 200;
                context.Response.Headers["x-amz-bucket-region"] = bucket.Region;
                break;
            default:
                await ListObjectsV2Async(context, bucket, query, cancellationToken);
                break;
        }
    }

    private async Task ListObjectsV2Async(HttpContext context, BucketRecord bucket, QueryParameters query, CancellationToken cancellationToken)
    {
        if (query.Get("list-type") != "2")
        {
            throw S3Errors.NotImplemented("ListObjects (version 1); use ListObjectsV2 (list-type=2)");
        }

        var prefix = query.Get("prefix") ?? string.Empty;
        var delimiter = query.Get("delimiter");
        var maxKeys = 1000;
        if (query.Get("max-keys") is { } maxKeysText
            && (!int.TryParse(maxKeysText, NumberStyles.None, CultureInfo.InvariantCulture, out maxKeys) || maxKeys < 0))
        {
            throw new S3Error("InvalidArgument", "Provided max-keys not an integer or within integer range", 400, [new("ArgumentName", "max-keys")]);
        }

        maxKeys = Math.Min(maxKeys, 1000);
        var encodingType = query.Get("encoding-type");
        if (encodingType is not null && encodingType != "url")
        {
            throw new S3Error("InvalidArgument", "Invalid Encoding Method specified in Request", 400, [new("ArgumentName", "encoding-type")]);
        }

        var token = query.Get("continuation-token");
        var startAfter = query.Get("start-after");
        var listing = ObjectListing.Page(store.ListObjects(bucket.Name, prefix), prefix, delimiter, maxKeys, token, startAfter);
        await WriteXmlAsync(context, 200, S3Xml.ListObjectsV2(bucket.Name, prefix, delimiter, maxKeys, token, startAfter, encodingType == "url", listing), cancellationToken);
    }

    private async Task HandleObjectAsync(
        HttpContext context, BucketRecord bucket, string key, AccountContext caller, byte[] payload, CancellationToken cancellationToken)
    {
        var method = context.Request.Method;
        var objectArn = $"{bucket.Arn}/{key}";
        switch (method)
        {
            case "PUT":
                Authorize(bucket, caller, "s3:PutObject", objectArn);
                PutObject(context, bucket, key, payload);
                break;
            case "GET":
            case "HEAD":
                Authorize(bucket, caller, "s3:GetObject", objectArn);
                await GetObjectAsync(context, bucket, key, headOnly: method == "HEAD", cancellationToken);
                break;
            case "DELETE":
                Authorize(bucket, caller, "s3:DeleteObject", objectArn);
                store.DeleteObject(bucket.Name, key);
                context.Response.StatusCode = 204;
                break;
            default:
                throw S3Errors.MethodNotAllowed(method);
        }
    }

    private void PutObject(HttpContext context, BucketRecord bucket, string key, byte[] payload)
    {
        if (System.Text.Encoding.UTF8.GetByteCount(key) > 1024)
        {
            throw new S3Error("KeyTooLongError", "Your key is too long", 400);
        }

        var headers = context.Request.Headers;
        var userMetadata = headers
            .Where(h => h.Key.StartsWith(UserMetadataPrefix, StringComparison.OrdinalIgnoreCase))
            .ToDictionary(h => h.Key[UserMetadataPrefix.Length..].ToLowerInvariant(), h => h.Value.ToString(), StringComparer.Ordinal);
        var contentType = string.IsNullOrEmpty(headers.ContentType) ? DefaultContentType : headers.ContentType.ToString();
        var metadata = store.PutObject(bucket.Name, key, payload, contentType, userMetadata);
        context.Response.StatusCode = 200;
        context.Response.Headers.ETag = $"\"{metadata.ETag}\"";
    }

    private async Task GetObjectAsync(HttpContext context, BucketRecord bucket, string key, bool headOnly, CancellationToken cancellationToken)
    {
        var response = context.Response;
        var metadata = headOnly ? store.HeadObject(bucket.Name, key) : null;
        var stored = headOnly ? null : store.GetObject(bucket.Name, key);
        metadata ??= stored?.Metadata ?? throw S3Errors.NoSuchKey(key);
        response.Headers.ETag = $"\"{metadata.ETag}\"";
        response.Headers.LastModified = metadata.LastModified.ToString("R", CultureInfo.InvariantCulture);
        response.Headers.AcceptRanges = "bytes";
        response.ContentType = context.Request.Query["response-content-type"] is { Count: > 0 } overridden ? overridden.ToString() : metadata.ContentType;
        foreach (var (name, value) in metadata.UserMetadata)
        {
            response.Headers[UserMetadataPrefix + name] = value;
        }

        var (offset, length) = ByteRange(context.Request.Headers.Range.ToString(), metadata.Size);
        if (length != metadata.Size)
        {
            response.StatusCode = 206;
            response.Headers.ContentRange = $"bytes {offset}-{offset + length - 1}/{metadata.Size}";
        }
        else
        {
            response.StatusCode = 200;
        }

        response.ContentLength = length;
        if (!headOnly)
        {
            await response.Body.WriteAsync(stored!.Data.AsMemory((int)offset, (int)length), cancellationToken);
        }
    }

    /// <summary>A single <c>bytes=first-last</c>, <c>bytes=first-</c> or <c>bytes=-suffix</c> range; anything else is the whole object.</summary>
    private static (long Offset, long Length) ByteRange(string header, long size)
    {
        if (!header.StartsWith("bytes=", StringComparison.Ordinal) || header.Contains(','))
        {
            return (0, size);
        }

        var spec = header["bytes=".Length..].Split('-');
        if (spec.Length != 2)
        {
            return (0, size);
        }

        long first, last;
        if (spec[0].Length == 0 && long.TryParse(spec[1], CultureInfo.InvariantCulture, out var suffix))
        {
            first = Math.Max(0, size - suffix);
            last = size - 1;
        }
        else if (long.TryParse(spec[0], CultureInfo.InvariantCulture, out first))
        {
            last = spec[1].Length == 0 || !long.TryParse(spec[1], CultureInfo.InvariantCulture, out var end) ? size - 1 : Math.Min(end, size - 1);
        }
        else
        {
            return (0, size);
        }

        if (first >= size || last < first)
        {
            throw new S3Error("InvalidRange", "The requested range is not satisfiable", 416,
                [new("RangeRequested", header), new("ActualObjectSize", size.ToString(CultureInfo.InvariantCulture))]);
        }

        return (first, last - first + 1);
    }

    private static void Authorize(BucketRecord bucket, AccountContext caller, string action, string resourceArn)
    {
        var owner = bucket.OwnerAccountId == caller.AccountId;
        if (owner && BucketPolicyDecision.OwnerAlwaysAllowed.Contains(action))
        {
            return;
        }

        var decision = BucketPolicyDecision.Evaluate(bucket.Policy, caller.AccountId, action, resourceArn);
        var allowed = decision switch
        {
            PolicyEffect.Deny => false,
            PolicyEffect.Allow => true,
            _ => owner,
        };
        if (!allowed)
        {
            throw S3Errors.AccessDenied();
        }
    }

    private static string ValidatedPolicy(byte[] payload, string bucketArn)
    {
        string policy;
        try
        {
            policy = new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true).GetString(payload);
        }
        catch (System.Text.DecoderFallbackException)
        {
            throw new S3Error("MalformedPolicy", "Policies must be valid JSON and the first byte must be '{'", 400);
        }

        BucketPolicyDecision.Validate(policy, bucketArn);
        return policy;
    }

    private static string? LocationConstraintOf(byte[] payload)
    {
        if (payload.Length == 0)
        {
            return null;
        }

        try
        {
            var constraint = XDocument.Parse(System.Text.Encoding.UTF8.GetString(payload)).Descendants()
                .FirstOrDefault(e => e.Name.LocalName == "LocationConstraint")?.Value;
            return string.IsNullOrEmpty(constraint) ? null : constraint;
        }
        catch (System.Xml.XmlException)
        {
            throw new S3Error("MalformedXML", "The XML you provided was not well-formed or did not validate against our published schema", 400);
        }
    }

    private static string? ResourceOf(S3RequestTarget target) =>
        target.Bucket is null ? null : target.Key is null ? "/" + target.Bucket : $"/{target.Bucket}/{target.Key}";

    private static async Task WriteXmlAsync(HttpContext context, int status, string xml, CancellationToken cancellationToken)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/xml";
        await context.Response.WriteAsync(xml, cancellationToken);
    }

    private static async Task WriteErrorAsync(HttpContext context, S3Error error, string? resource, string requestId, CancellationToken cancellationToken)
    {
        if (context.Response.HasStarted)
        {
            return;
        }

        context.Response.Clear();
        context.Response.Headers["x-amz-request-id"] = requestId;
        context.Response.StatusCode = error.StatusCode;
        if (HttpMethods.IsHead(context.Request.Method))
        {
            return;
        }

        context.Response.ContentType = "application/xml";
        await context.Response.WriteAsync(S3Xml.Error(error, resource, requestId), cancellationToken);
    }
}
