using Amazon;
using Amazon.Runtime;
using Amazon.S3;

namespace Choreo.Worker.Functions.Storage;

/// <summary>
/// The S3 client of a worker function and the store on its bucket. With an endpoint override (local-cloud)
/// buckets are addressed by path, and presigned URLs use http when the endpoint does.
/// </summary>
public static class WorkerS3Client
{
    public static AmazonS3Config ConfigFor(string region, string? endpoint)
    {
        var config = new AmazonS3Config();
        if (endpoint is not null)
        {
            config.ServiceURL = endpoint;
            config.ForcePathStyle = true;
            config.AuthenticationRegion = region;
        }
        else
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(region);
        }
        return config;
    }

    public static S3ObjectStore StoreFor(IAmazonS3 s3, string bucket, string? endpoint, TimeProvider clock) =>
        new(s3, bucket, endpoint?.StartsWith("http://", StringComparison.OrdinalIgnoreCase) == true, clock);
}
