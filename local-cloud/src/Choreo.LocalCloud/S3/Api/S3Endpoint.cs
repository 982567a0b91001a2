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
/// S3's REST API: authenticates from the headers alone (header SigV4 or presigned query) before any body
/// is read, authorizes against the bucket's owner and policy, then streams bodies (aws-chunked decoded,
/// checksums verified) between the wire and the store. Anything else is answered with <c>NotImplemented</c>,
/// never a silent success; SigV2 is refused with S3's text naming SigV4.
/// </summary>
public sealed class S3Endpoint
{
    public const string SigningName = "s3";
    private readonly IS3ObjectStore _store;
    private readonly SignatureVerifier _verifier;
    private readonly IClock _clock;
    private readonly ObjectOperations _objects;
    private readonly MultipartOperations _multipart;

    public S3Endpoint(IS3ObjectStore store, SignatureVerifier verifier, IClock clock)
    {
        _store = store;
        _verifier = verifier;
        _clock = clock;
        _objects = new ObjectOperations(_store);
        _multipart = new MultipartOperations(_store, _objects, _clock);
    }

    // Sub-resources local-cloud does not serve; each is refused by name rather than treated as a plain request.
    private static readonly string[] UnsupportedSubresources =
    [
        "acl", "versionId", "versioning", "versions", "cors", "lifecycle",
        "website", "notification", "encryption", "replication", "logging", "retention", "legal-hold", "object-lock",
        "attributes", "restore", "select", "torrent", "accelerate", "requestPayment", "ownershipControls",
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
        var presigned = context.Request.Query.ContainsKey("X-Amz-Algorithm") || context.Request.Query.ContainsKey("AWSAccessKeyId");
        CloseAfterAFinalAnswerToExpectContinue(context);
        try
        {
            RefuseSignatureVersion2Header(context.Request);
            var request = ReceivedRequest.ToVerify(context);
            VerifiedRequest verified;
            try
            {
                verified = SigV2PresignedUrl.IsPresignedV2(request.Query)
                    ? _verifier.VerifyPresignedV2(request, ResourcePathV2(target, rawPath), context.Request.Headers.Keys, BucketRegion(target))
                    : _verifier.Verify(request, SigningName, isS3: true, bodySha256: null);
            }
            catch (AuthFailure failure)
            {
                throw S3Errors.FromAuthFailure(failure, presigned, _clock.UtcNow);
            }

            await DispatchAsync(context, target, request.Query, verified, cancellationToken);
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

    /// <summary>The SigV2 resource: <c>/bucket/key</c> as sent; a virtual-host request's path lacks the bucket.</summary>
    private static string ResourcePathV2(S3RequestTarget target, string rawPath) =>
        target.Bucket is null || rawPath.StartsWith($"/{target.Bucket}/", StringComparison.Ordinal) || rawPath == "/" + target.Bucket
            ? rawPath
            : "/" + target.Bucket + rawPath;

    private string BucketRegion(S3RequestTarget target) =>
        (target.Bucket is null ? null : _store.FindBucket(target.Bucket)?.Region) ?? "us-east-1";

    /// <summary>
    /// A client that sent <c>Expect: 100-continue</c> and got its final answer without <c>100 Continue</c> (an
    /// empty body, for which Kestrel sends none, or a refusal before the body) may misread the next response on
    /// that connection (botocore keeps the first status line and stalls until its read timeout). S3 always
    /// sends 100 Continue; Kestrel offers no way to send it for an empty body, so such answers close the
    /// connection instead and the client's next request starts clean.
    /// </summary>
    private static void CloseAfterAFinalAnswerToExpectContinue(HttpContext context)
    {
        if (!context.Request.Headers.Expect.ToString().Contains("100-continue", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        context.Response.OnStarting(() =>
        {
            if (context.Request.ContentLength == 0 || context.Response.StatusCode >= 300)
            {
                context.Response.Headers.Connection = "close";
            }

            return Task.CompletedTask;
        });
    }

    /// <summary>
    /// SigV2 presigned URLs (the AWS CLI v1 and boto3 default for presign) are verified; a SigV2
    /// <c>Authorization: AWS key:signature</c> header, which no current SDK sends, is refused the way S3 refuses
    /// it in the regions that accept only SigV4, naming the fix.
    /// </summary>
    private static void RefuseSignatureVersion2Header(HttpRequest request)
    {
        if (request.Headers.Authorization.ToString().StartsWith("AWS ", StringComparison.Ordinal))
        {
            throw new S3Error("InvalidRequest",
                "The authorization mechanism you have provided is not supported. Please use AWS4-HMAC-SHA256.", 400);
        }
    }

    private async Task DispatchAsync(
        HttpContext context, S3RequestTarget target, QueryParameters query, VerifiedRequest verified, CancellationToken cancellationToken)
    {
        var method = context.Request.Method;
        var caller = verified.Caller;
        if (target.Bucket is null)
        {
            if (method != HttpMethods.Get)
            {
                throw S3Errors.MethodNotAllowed(method);
            }

            await WriteXmlAsync(context, 200, S3Xml.ListBuckets(caller.AccountId, _store.ListBuckets(caller.AccountId)), cancellationToken);
            return;
        }

        if (UnsupportedSubresources.FirstOrDefault(query.Contains) is { } subresource)
        {
            throw S3Errors.NotImplemented($"the '{subresource}' sub-resource ({method} ?{subresource})");
        }

        if (target.Key is null && method == HttpMethods.Put && !query.Contains("policy") && !query.Contains("tagging"))
        {
            CreateBucket(context, target.Bucket, caller, verified.Presigned, await RequestPayload.ReadDocumentAsync(context.Request, verified, cancellationToken));
            return;
        }

        var bucket = _store.FindBucket(target.Bucket) ?? throw S3Errors.NoSuchBucket(target.Bucket);
        if (bucket.Region != caller.Region)
        {
            throw S3Errors.WrongRegion(caller.Region, bucket.Region, verified.Presigned);
        }

        if (target.Key is null)
        {
            await HandleBucketAsync(context, bucket, query, verified, cancellationToken);
        }
        else
        {
            await HandleObjectAsync(context, bucket, target.Key, query, verified, cancellationToken);
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

        if (!_store.TryCreateBucket(new BucketRecord(name, caller.AccountId, region, _clock.UtcNow)))
        {
            var existing = _store.FindBucket(name);
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
        HttpContext context, BucketRecord bucket, QueryParameters query, VerifiedRequest verified, CancellationToken cancellationToken)
    {
        var method = context.Request.Method;
        var caller = verified.Caller;
        if (query.Contains("tagging"))
        {
            throw S3Errors.NotImplemented($"bucket tagging ({method} ?tagging)");
        }

        if (method == HttpMethods.Post && query.Contains("delete"))
        {
            await _objects.DeleteManyAsync(context, bucket, caller, verified, cancellationToken);
            return;
        }

        if (method == HttpMethods.Get && query.Contains("uploads"))
        {
            await _multipart.ListUploadsAsync(context, bucket, caller, query, cancellationToken);
            return;
        }

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
                _store.SetBucketPolicy(bucket.Name, ValidatedPolicy(await RequestPayload.ReadDocumentAsync(context.Request, verified, cancellationToken), bucket.Arn));
                context.Response.StatusCode = 204;
                break;
            case "s3:GetBucketPolicy":
                var policy = bucket.Policy ?? throw new S3Error("NoSuchBucketPolicy", "The bucket policy does not exist", 404, [new("BucketName", bucket.Name)]);
                context.Response.StatusCode = 200;
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync(policy, cancellationToken);
                break;
            case "s3:DeleteBucketPolicy":
                _store.SetBucketPolicy(bucket.Name, null);
                context.Response.StatusCode = 204;
                break;
            case "s3:GetBucketLocation":
                await WriteXmlAsync(context, 200, S3Xml.LocationConstraint(bucket.Region), cancellationToken);
                break;
            case "s3:DeleteBucket":
                if (!_store.TryDeleteBucket(bucket.Name))
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
        var listing = ObjectListing.Page(_store.ListObjects(bucket.Name, prefix), prefix, delimiter, maxKeys, token, startAfter);
        await WriteXmlAsync(context, 200, S3Xml.ListObjectsV2(bucket.Name, prefix, delimiter, maxKeys, token, startAfter, encodingType == "url", listing), cancellationToken);
    }

    private async Task HandleObjectAsync(
        HttpContext context, BucketRecord bucket, string key, QueryParameters query, VerifiedRequest verified, CancellationToken cancellationToken)
    {
        var method = context.Request.Method;
        var caller = verified.Caller;
        var copy = context.Request.Headers.ContainsKey("x-amz-copy-source");
        var tagging = query.Contains("tagging");
        var uploadId = query.Contains("uploadId");
        switch (method)
        {
            case "PUT" when tagging:
                await _objects.PutTaggingAsync(context, bucket, key, caller, verified, cancellationToken);
                break;
            case "PUT" when uploadId && copy:
                await _multipart.UploadPartCopyAsync(context, bucket, key, caller, cancellationToken);
                break;
            case "PUT" when uploadId:
                await _multipart.UploadPartAsync(context, bucket, key, caller, verified, cancellationToken);
                break;
            case "PUT" when copy:
                await _objects.CopyAsync(context, bucket, key, caller, cancellationToken);
                break;
            case "PUT":
                await _objects.PutAsync(context, bucket, key, caller, verified, cancellationToken);
                break;
            case "GET" when tagging:
                await _objects.GetTaggingAsync(context, bucket, key, caller, cancellationToken);
                break;
            case "GET" when uploadId:
                await _multipart.ListPartsAsync(context, bucket, key, caller, query, cancellationToken);
                break;
            case "GET":
            case "HEAD":
                await _objects.GetAsync(context, bucket, key, caller, headOnly: method == "HEAD", cancellationToken);
                break;
            case "DELETE" when tagging:
                _objects.DeleteTagging(context, bucket, key, caller);
                break;
            case "DELETE" when uploadId:
                _multipart.Abort(context, bucket, key, caller);
                break;
            case "DELETE":
                _objects.Delete(context, bucket, key, caller);
                break;
            case "POST" when query.Contains("uploads"):
                await _multipart.CreateAsync(context, bucket, key, caller, cancellationToken);
                break;
            case "POST" when uploadId:
                await _multipart.CompleteAsync(context, bucket, key, caller, verified, cancellationToken);
                break;
            default:
                throw S3Errors.MethodNotAllowed(method);
        }
    }

    private static void Authorize(BucketRecord bucket, AccountContext caller, string action, string resourceArn) =>
        BucketAccess.Authorize(bucket, caller, action, resourceArn);

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
            throw S3Errors.MalformedXml();
        }
    }

    private static string? ResourceOf(S3RequestTarget target) =>
        target.Bucket is null ? null : target.Key is null ? "/" + target.Bucket : $"/{target.Bucket}/{target.Key}";

    private static Task WriteXmlAsync(HttpContext context, int status, string xml, CancellationToken cancellationToken) =>
        S3Response.WriteXmlAsync(context, status, xml, cancellationToken);

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
