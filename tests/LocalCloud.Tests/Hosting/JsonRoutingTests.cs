using System.Net;
using System.Text;
using Amazon.Runtime;
using Amazon.SQS;
using Amazon.SQS.Model;
using Choreo.LocalCloud.Hosting;

namespace LocalCloud.Tests.Hosting;

public sealed class JsonRoutingTests : IAsyncLifetime
{
    private readonly LocalCloudHost _host = StandaloneEndpoint.For(new LocalCloudOptions { Port = 0 }).AddJsonService(new QueueListingService());
    private readonly HttpClient _http = new();

    public Task InitializeAsync() => _host.StartAsync();

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _host.DisposeAsync();
    }

    private AmazonSQSClient Sqs(string secret = "test") => new(new BasicAWSCredentials("222222222222", secret), new AmazonSQSConfig
    {
        ServiceURL = _host.BaseUrl.ToString(),
        AuthenticationRegion = "eu-west-1",
        MaxErrorRetry = 0,
    });

    [Fact]
    public async Task A_signed_json_request_reaches_its_service_as_the_signing_account_and_region()
    {
        using var sqs = Sqs();

        var response = await sqs.ListQueuesAsync(new ListQueuesRequest { QueueNamePrefix = "dead-letters" });

        Assert.Equal(["http://sqs.eu-west-1.localhost/222222222222/dead-letters"], response.QueueUrls);
    }

    [Fact]
    public async Task A_bad_signature_is_InvalidSignatureException()
    {
        using var sqs = Sqs(secret: "wrong");

        var error = await Assert.ThrowsAnyAsync<AmazonSQSException>(() => sqs.ListQueuesAsync(new ListQueuesRequest()));

        Assert.Equal("InvalidSignatureException", error.ErrorCode);
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
    }

    [Fact]
    public async Task An_unknown_target_is_an_aws_shaped_json_error()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _host.BaseUrl)
        {
            Content = new StringContent("{}", Encoding.UTF8, "application/x-amz-json-1.1"),
        };
        request.Headers.Add("X-Amz-Target", "AWSNothing.DoIt");

        var response = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("UnknownOperationException", response.Headers.GetValues("x-amzn-ErrorType").Single());
        Assert.Equal("""{"__type":"UnknownOperationException","message":"local-cloud serves no operation for X-Amz-Target 'AWSNothing.DoIt'"}""",
            await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_unsigned_json_request_is_MissingAuthenticationTokenException()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _host.BaseUrl)
        {
            Content = new StringContent("{}", Encoding.UTF8, "application/x-amz-json-1.0"),
        };
        request.Headers.Add("X-Amz-Target", "AmazonSQS.ListQueues");

        var response = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"__type\":\"MissingAuthenticationTokenException\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_second_instance_on_the_same_port_fails_with_one_clear_error()
    {
        await using var second = StandaloneEndpoint.For(new LocalCloudOptions { Port = _host.BaseUrl.Port });

        var error = await Assert.ThrowsAsync<PortInUseException>(() => second.StartAsync());

        Assert.Equal($"port {_host.BaseUrl.Port} on 127.0.0.1 is already in use (is another local-cloud running?)", error.Message);
    }
}
