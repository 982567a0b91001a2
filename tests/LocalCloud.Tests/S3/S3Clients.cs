using Amazon.Runtime;
using Amazon.S3;
using Choreo.LocalCloud.Hosting;

namespace LocalCloud.Tests.S3;

/// <summary>AWSSDK.S3 clients pointed at a running local-cloud, with the SDK's defaults otherwise.</summary>
internal static class S3Clients
{
    public static AmazonS3Client For(LocalCloudHost host, string accessKeyId = "111111111111", string secret = "test", string region = "us-east-1") =>
        new(new BasicAWSCredentials(accessKeyId, secret), new AmazonS3Config
        {
            ServiceURL = host.BaseUrl.ToString(),
            ForcePathStyle = true,
            AuthenticationRegion = region,
            MaxErrorRetry = 0,
        });
}
