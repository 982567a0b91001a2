using Amazon.Runtime;
using Amazon.S3;
using Choreo.Worker.Functions.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Worker.Tests.Runtime.Fakes;

namespace Worker.Tests.Functions;

public sealed class S3ObjectStoreTests
{
    private const string Execution = "arn:aws:states:us-east-1:111111111111:execution:Main:job-1";

    [Fact]
    public async Task Against_a_local_http_endpoint_presigned_urls_are_http_path_style_and_valid_15_minutes()
    {
        const string endpoint = "http://127.0.0.1:4566";
        using var s3 = new AmazonS3Client(new BasicAWSCredentials("AKID", "secret"), WorkerS3Client.ConfigFor("us-east-1", endpoint));
        var store = WorkerS3Client.StoreFor(s3, "worker-bucket", endpoint, new FixedClock(TimeProvider.System.GetUtcNow()));

        var url = await store.PresignGetAsync(ObjectKeys.Basic(Execution, 0), TimeSpan.FromMinutes(15), CancellationToken.None);

        Assert.Equal("http", url.Scheme);
        Assert.Equal("127.0.0.1:4566", url.Authority);
        Assert.StartsWith("/worker-bucket/", url.AbsolutePath);
        Assert.Contains("X-Amz-Expires=900", url.Query);
        Assert.Contains("X-Amz-Signature=", url.Query);
    }

    [Fact]
    public async Task Puts_go_to_the_bucket_by_path_and_an_S3_error_names_bucket_key_and_code()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var app = builder.Build();
        var paths = new List<string>();
        app.Run(async http =>
        {
            paths.Add(http.Request.Path.ToString());
            http.Response.StatusCode = StatusCodes.Status403Forbidden;
            http.Response.ContentType = "application/xml";
            await http.Response.WriteAsync("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>");
        });
        await app.StartAsync();
        var endpoint = app.Urls.First();
        using var s3 = new AmazonS3Client(new BasicAWSCredentials("AKID", "secret"), WorkerS3Client.ConfigFor("us-east-1", endpoint));
        var store = WorkerS3Client.StoreFor(s3, "worker-bucket", endpoint, TimeProvider.System);

        var error = await Assert.ThrowsAsync<ObjectStoreException>(() => store.PutJsonAsync("job-1/final-0.json", "{}", CancellationToken.None));
        await app.StopAsync();

        Assert.Equal("/worker-bucket/job-1/final-0.json", paths[0]);
        Assert.Equal("AccessDenied", error.ErrorCode);
        Assert.Equal("worker-bucket", error.Bucket);
        Assert.Equal("job-1/final-0.json", error.Key);
    }
}
