using System.Net;
using Amazon.S3;
using Amazon.S3.Model;
using Choreo.LocalCloud.Accounts;
using Choreo.LocalCloud.Composition;
using Choreo.LocalCloud.Hosting;
using LocalCloud.Tests.S3;

namespace LocalCloud.Tests.Auth;

public sealed class SignatureTests : IAsyncLifetime
{
    private readonly LocalCloudInstance _cloud = new(new LocalCloudInstanceOptions
    {
        Host = new LocalCloudOptions
        {
            Port = 0,
            AccessKeys = [new AccessKey("AKIAORCHESTRATOR", "111111111111", "orchestrator-secret")],
        }
    });

    public Task InitializeAsync() => _cloud.StartAsync();

    public async Task DisposeAsync() => await _cloud.DisposeAsync();

    [Fact]
    public async Task A_wrong_secret_is_403_SignatureDoesNotMatch()
    {
        using var s3 = S3Clients.For(_cloud.Host, "111111111111", secret: "not-the-secret");

        var error = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => s3.PutBucketAsync("anything"));

        Assert.Equal("SignatureDoesNotMatch", error.ErrorCode);
        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
    }

    [Fact]
    public async Task A_mapped_access_key_acts_as_its_account()
    {
        using var mapped = S3Clients.For(_cloud.Host, "AKIAORCHESTRATOR", secret: "orchestrator-secret");
        using var numeric = S3Clients.For(_cloud.Host, "111111111111");

        await mapped.PutBucketAsync("mapped-bucket");
        await numeric.PutObjectAsync(new PutObjectRequest { BucketName = "mapped-bucket", Key = "k", ContentBody = "same account" });
    }

    [Fact]
    public async Task An_unknown_access_key_is_403_InvalidAccessKeyId()
    {
        using var s3 = S3Clients.For(_cloud.Host, "AKIANOBODY");

        var error = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => s3.PutBucketAsync("anything"));

        Assert.Equal("InvalidAccessKeyId", error.ErrorCode);
    }

    [Fact]
    public async Task A_byte_changed_in_a_chunked_upload_is_403_SignatureDoesNotMatch()
    {
        using var honest = S3Clients.For(_cloud.Host, "111111111111");
        await honest.PutBucketAsync("tamper");
        var config = new AmazonS3Config
        {
            ServiceURL = _cloud.Host.BaseUrl.ToString(), ForcePathStyle = true, AuthenticationRegion = "us-east-1", MaxErrorRetry = 0,
            HttpClientFactory = new TamperingHttpClientFactory(),
        };
        using var tampering = new AmazonS3Client(new Amazon.Runtime.BasicAWSCredentials("111111111111", "test"), config);

        var error = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() =>
            tampering.PutObjectAsync(new PutObjectRequest { BucketName = "tamper", Key = "k", ContentBody = "the original body" }));

        Assert.Equal("SignatureDoesNotMatch", error.ErrorCode);
        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
    }
}
