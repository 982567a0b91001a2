using Amazon.S3;
using Choreo.LocalCloud.Composition;
using Choreo.LocalCloud.Hosting;

namespace LocalCloud.Tests.S3;

/// <summary>A running local-cloud on a loopback port with an AWSSDK.S3 client and one bucket: where most S3 wire tests start.</summary>
internal sealed class S3Session : IAsyncDisposable
{
    private S3Session(LocalCloudInstance cloud, AmazonS3Client s3)
    {
        Cloud = cloud;
        S3 = s3;
    }

    public LocalCloudInstance Cloud { get; }

    public AmazonS3Client S3 { get; }

    public static async Task<S3Session> StartAsync(string bucket)
    {
        var cloud = new LocalCloudInstance(new LocalCloudInstanceOptions { Host = new LocalCloudOptions { Port = 0 } });
        await cloud.StartAsync();
        var s3 = S3Clients.For(cloud.Host);
        await s3.PutBucketAsync(bucket);
        return new S3Session(cloud, s3);
    }

    public async ValueTask DisposeAsync()
    {
        S3.Dispose();
        await Cloud.DisposeAsync();
    }
}
