using System.Net;
using System.Text;
using Amazon.S3;
using Amazon.S3.Model;
using Choreo.LocalCloud.Composition;
using Choreo.LocalCloud.Hosting;

namespace LocalCloud.Tests.S3;

public sealed class S3ObjectTests : IAsyncLifetime
{
    private S3Session _session = null!;

    public async Task InitializeAsync()
    {
        _session = await S3Session.StartAsync("reports");
    }

    public async Task DisposeAsync()
    {
        await _session.DisposeAsync();
    }

    [Fact]
    public async Task Put_with_the_sdk_defaults_then_get_returns_the_same_bytes_and_metadata()
    {
        var put = await _session.S3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = "reports",
            Key = "runs/job 42/0-cookies.json",
            ContentBody = "{\"cookies\":0}",
            ContentType = "application/json",
            Metadata = { ["execution"] = "job-42" },
        });

        using var get = await _session.S3.GetObjectAsync("reports", "runs/job 42/0-cookies.json");
        using var reader = new StreamReader(get.ResponseStream);
        Assert.Equal("{\"cookies\":0}", await reader.ReadToEndAsync());
        Assert.Equal("application/json", get.Headers.ContentType);
        Assert.Equal("job-42", get.Metadata["execution"]);
        Assert.Equal(put.ETag, get.ETag);
        Assert.Equal("\"" + Convert.ToHexStringLower(System.Security.Cryptography.MD5.HashData(Encoding.UTF8.GetBytes("{\"cookies\":0}"))) + "\"", get.ETag);
    }

    [Fact]
    public async Task A_large_chunked_upload_round_trips()
    {
        var bytes = new byte[300_000];
        new Random(7).NextBytes(bytes);
        await _session.S3.PutObjectAsync(new PutObjectRequest { BucketName = "reports", Key = "big.bin", InputStream = new MemoryStream(bytes) });

        using var get = await _session.S3.GetObjectAsync("reports", "big.bin");
        using var copy = new MemoryStream();
        await get.ResponseStream.CopyToAsync(copy);
        Assert.Equal(bytes, copy.ToArray());
    }

    [Fact]
    public async Task Head_reports_size_and_a_missing_key_is_404()
    {
        await _session.S3.PutObjectAsync(new PutObjectRequest { BucketName = "reports", Key = "a.txt", ContentBody = "hello" });

        var head = await _session.S3.GetObjectMetadataAsync("reports", "a.txt");
        Assert.Equal(5, head.ContentLength);

        var missing = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => _session.S3.GetObjectMetadataAsync("reports", "nope.txt"));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Get_of_a_missing_key_is_NoSuchKey()
    {
        var error = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => _session.S3.GetObjectAsync("reports", "nope.txt"));
        Assert.Equal("NoSuchKey", error.ErrorCode);
        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task Delete_removes_the_object()
    {
        await _session.S3.PutObjectAsync(new PutObjectRequest { BucketName = "reports", Key = "gone.txt", ContentBody = "x" });

        await _session.S3.DeleteObjectAsync("reports", "gone.txt");

        var error = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => _session.S3.GetObjectAsync("reports", "gone.txt"));
        Assert.Equal("NoSuchKey", error.ErrorCode);
    }

    [Fact]
    public async Task A_request_to_a_missing_bucket_is_NoSuchBucket()
    {
        var error = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => _session.S3.PutObjectAsync(new PutObjectRequest { BucketName = "nobody", Key = "k", ContentBody = "x" }));
        Assert.Equal("NoSuchBucket", error.ErrorCode);
    }

    [Fact]
    public async Task Another_account_is_denied_a_bucket_it_does_not_own()
    {
        await _session.S3.PutObjectAsync(new PutObjectRequest { BucketName = "reports", Key = "private.txt", ContentBody = "x" });
        using var worker = S3Clients.For(_session.Cloud.Host, "222222222222");

        var error = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => worker.GetObjectAsync("reports", "private.txt"));
        Assert.Equal("AccessDenied", error.ErrorCode);
        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
    }

    [Fact]
    public async Task A_bucket_policy_granting_another_account_lets_it_read()
    {
        await _session.S3.PutObjectAsync(new PutObjectRequest { BucketName = "reports", Key = "shared.txt", ContentBody = "shared" });
        await _session.S3.PutBucketPolicyAsync("reports", """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::222222222222:root"},
             "Action":"s3:GetObject","Resource":"arn:aws:s3:::reports/shared*"}]}
            """);
        using var worker = S3Clients.For(_session.Cloud.Host, "222222222222");

        using var get = await worker.GetObjectAsync("reports", "shared.txt");
        Assert.Equal(6, get.ContentLength);
        await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => worker.PutObjectAsync(new PutObjectRequest { BucketName = "reports", Key = "shared.txt", ContentBody = "y" }));
    }

    [Fact]
    public async Task Creating_a_bucket_another_account_owns_is_BucketAlreadyExists()
    {
        using var worker = S3Clients.For(_session.Cloud.Host, "222222222222");

        var error = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => worker.PutBucketAsync("reports"));
        Assert.Equal("BucketAlreadyExists", error.ErrorCode);
        Assert.Equal(HttpStatusCode.Conflict, error.StatusCode);
    }
}
