using System.Net;
using Amazon.S3;
using Amazon.S3.Model;
using Choreo.LocalCloud.Composition;
using Choreo.LocalCloud.Hosting;

namespace LocalCloud.Tests.S3;

public sealed class S3PresignedUrlTests : IAsyncLifetime
{
    private readonly ManualClock _clock = new(TimeProvider.System.GetUtcNow());
    private readonly LocalCloudInstance _cloud;
    private readonly HttpClient _http = new();
    private AmazonS3Client _s3 = null!;

    public S3PresignedUrlTests() => _cloud = new LocalCloudInstance(new LocalCloudInstanceOptions { Host = new LocalCloudOptions { Port = 0, Clock = _clock } });

    public async Task InitializeAsync()
    {
        await _cloud.StartAsync();
        _s3 = S3Clients.For(_cloud.Host, "222222222222");
        await _s3.PutBucketAsync("profiles");
        await _s3.PutObjectAsync(new PutObjectRequest { BucketName = "profiles", Key = "users/7.json", ContentBody = "{\"name\":\"Ada\"}" });
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        _s3.Dispose();
        await _cloud.DisposeAsync();
    }

    private string Presign(string key, TimeSpan validFor, HttpVerb verb = HttpVerb.GET) => _s3.GetPreSignedURL(new GetPreSignedUrlRequest
    {
        BucketName = "profiles",
        Key = key,
        Verb = verb,
        Protocol = Protocol.HTTP,
        Expires = TimeProvider.System.GetUtcNow().UtcDateTime.Add(validFor),
    });

    [Fact]
    public async Task A_presigned_get_works_without_credentials()
    {
        var response = await _http.GetAsync(Presign("users/7.json", TimeSpan.FromMinutes(5)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("{\"name\":\"Ada\"}", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_presigned_put_stores_the_body()
    {
        var put = await _http.PutAsync(Presign("users/8.json", TimeSpan.FromMinutes(5), HttpVerb.PUT), new StringContent("{\"name\":\"Grace\"}"));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        using var get = await _s3.GetObjectAsync("profiles", "users/8.json");
        Assert.Equal("{\"name\":\"Grace\"}", await new StreamReader(get.ResponseStream).ReadToEndAsync());
    }

    [Fact]
    public async Task An_expired_presigned_url_is_403_Request_has_expired()
    {
        var url = Presign("users/7.json", TimeSpan.FromMinutes(1));
        _clock.Advance(TimeSpan.FromMinutes(2));

        var response = await _http.GetAsync(url);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("<Code>AccessDenied</Code>", body);
        Assert.Contains("<Message>Request has expired</Message>", body);
    }

    [Fact]
    public async Task A_tampered_presigned_url_is_403_SignatureDoesNotMatch()
    {
        var url = Presign("users/7.json", TimeSpan.FromMinutes(5)).Replace("users/7.json", "users/8.json");

        var response = await _http.GetAsync(url);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("<Code>SignatureDoesNotMatch</Code>", body);
        Assert.Contains("The request signature we calculated does not match the signature you provided. Check your key and signing method.", body);
    }

    [Fact]
    public async Task A_presigned_url_with_a_lengthened_expiry_is_403_SignatureDoesNotMatch()
    {
        var signed = Presign("users/7.json", TimeSpan.FromSeconds(60));
        var url = System.Text.RegularExpressions.Regex.Replace(signed, "X-Amz-Expires=[0-9]+", "X-Amz-Expires=6000");
        Assert.NotEqual(signed, url);

        var response = await _http.GetAsync(url);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("<Code>SignatureDoesNotMatch</Code>", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_unsigned_request_is_403_AccessDenied()
    {
        var response = await _http.GetAsync(new Uri(_cloud.Host.BaseUrl, "profiles/users/7.json"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("<Code>AccessDenied</Code>", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Virtual_host_style_addresses_the_bucket_by_host_name()
    {
        using var virtualHosted = new AmazonS3Client(
            new Amazon.Runtime.BasicAWSCredentials("222222222222", "test"),
            new AmazonS3Config { ServiceURL = $"http://localhost:{_cloud.Host.BaseUrl.Port}", AuthenticationRegion = "us-east-1" });
        var url = new Uri(virtualHosted.GetPreSignedURL(new GetPreSignedUrlRequest
        {
            BucketName = "profiles", Key = "users/7.json", Verb = HttpVerb.GET, Protocol = Protocol.HTTP, Expires = TimeProvider.System.GetUtcNow().UtcDateTime.AddMinutes(5),
        }));
        Assert.StartsWith("profiles.", url.Host);

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_cloud.Host.BaseUrl, url.PathAndQuery));
        request.Headers.Host = url.Authority;
        var response = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("{\"name\":\"Ada\"}", await response.Content.ReadAsStringAsync());
    }
}
