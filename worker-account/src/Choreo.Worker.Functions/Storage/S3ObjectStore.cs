using System.Net;
using System.Text;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace Choreo.Worker.Functions.Storage;

/// <summary>
/// <see cref="IObjectStore"/> on one S3 bucket through AWSSDK.S3. Against a local http endpoint, presigned
/// URLs use http as well, so a plain HTTP client can follow them.
/// </summary>
public sealed class S3ObjectStore(IAmazonS3 s3, string bucket, bool presignOverHttp, TimeProvider clock) : IObjectStore
{
    public async Task PutJsonAsync(string key, string json, CancellationToken cancellationToken)
    {
        try
        {
            var request = new PutObjectRequest { BucketName = bucket, Key = key, ContentBody = json, ContentType = "application/json" };
            if (ObjectKeys.IsIntermediate(key))
            {
                request.TagSet = [new Tag { Key = ObjectKeys.IntermediateTagKey, Value = ObjectKeys.IntermediateTagValue }];
            }
            await s3.PutObjectAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is AmazonServiceException or AmazonClientException or HttpRequestException)
        {
            throw Describe("PutObject", key, e);
        }
    }

    public async Task<string?> GetTextAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await s3.GetObjectAsync(new GetObjectRequest { BucketName = bucket, Key = key }, cancellationToken).ConfigureAwait(false);
            using var reader = new StreamReader(response.ResponseStream, Encoding.UTF8);
            return await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound || e.ErrorCode == "NoSuchKey")
        {
            return null;
        }
        catch (Exception e) when (e is AmazonServiceException or AmazonClientException or HttpRequestException)
        {
            throw Describe("GetObject", key, e);
        }
    }

    public async Task<Uri> PresignGetAsync(string key, TimeSpan validFor, CancellationToken cancellationToken)
    {
        try
        {
            var url = await s3.GetPreSignedURLAsync(new GetPreSignedUrlRequest
            {
                BucketName = bucket,
                Key = key,
                Verb = HttpVerb.GET,
                Expires = clock.GetUtcNow().Add(validFor).UtcDateTime,
                Protocol = presignOverHttp ? Protocol.HTTP : Protocol.HTTPS,
            }).ConfigureAwait(false);
            return new Uri(url, UriKind.Absolute);
        }
        catch (Exception e) when (e is AmazonServiceException or AmazonClientException)
        {
            throw Describe("Presign GetObject", key, e);
        }
    }

    private ObjectStoreException Describe(string operation, string key, Exception e) => e switch
    {
        AmazonServiceException s => new ObjectStoreException(operation, bucket, key, s.ErrorCode ?? $"Http{(int)s.StatusCode}", s.Message, e),
        _ => new ObjectStoreException(operation, bucket, key, e.GetType().Name, e.Message, e),
    };
}
