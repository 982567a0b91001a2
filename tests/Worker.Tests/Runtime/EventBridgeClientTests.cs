using System.Net;
using System.Text.Json.Nodes;
using Amazon.Runtime;
using Choreo.Contracts;
using Choreo.Contracts.Limits;
using Choreo.Worker.Runtime.Events;
using Worker.Tests.Runtime.Fakes;

namespace Worker.Tests.Runtime;

public sealed class EventBridgeClientTests
{
    private const string AccessKey = "AKIDEXAMPLE";
    private const string SecretKey = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private const string SessionToken = "session-token-1";
    private static readonly DateTimeOffset SignedAt = new(2024, 5, 1, 12, 36, 0, TimeSpan.Zero);
    private static readonly Uri Endpoint = new("https://events.us-east-1.amazonaws.com/");

    private readonly CapturingHandler _transport = new();

    private EventBridgePutEventsClient Client() => new(
        new HttpClient(_transport),
        new EventBridgeConnection(Endpoint, "us-east-1", new SessionAWSCredentials(AccessKey, SecretKey, SessionToken)),
        new FixedClock(SignedAt));

    private static OutgoingEvent Done(int n = 0, int detailBytes = 0) =>
        new("worker", Sources.Worker, DetailTypes.Done, $$"""{"TaskToken":"t{{n}}","execution":"e","pad":"{{new string('x', detailBytes)}}"}""");

    [Fact]
    public async Task PutEvents_is_an_awsJson_1_1_post_with_the_events_target_and_the_entries_as_body()
    {
        await Client().PublishAsync([Done()], CancellationToken.None);

        var (request, body) = Assert.Single(_transport.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal(Endpoint, request.RequestUri);
        Assert.Equal("AWSEvents.PutEvents", Assert.Single(request.Headers.GetValues("X-Amz-Target")));
        Assert.Equal("application/x-amz-json-1.1", request.Content!.Headers.ContentType!.ToString());
        Assert.Equal(
            """{"Entries":[{"EventBusName":"worker","Source":"choreo.worker","DetailType":"done","Detail":"{\u0022TaskToken\u0022:\u0022t0\u0022,\u0022execution\u0022:\u0022e\u0022,\u0022pad\u0022:\u0022\u0022}"}]}""",
            body);
    }

    [Fact]
    public async Task The_request_carries_a_SigV4_signature_that_the_specification_reproduces()
    {
        await Client().PublishAsync([Done()], CancellationToken.None);

        var (request, body) = Assert.Single(_transport.Requests);
        var authorization = request.Headers.NonValidated["Authorization"].ToString();
        Assert.Equal("20240501T123600Z", Assert.Single(request.Headers.GetValues("X-Amz-Date")));
        Assert.Equal(SessionToken, Assert.Single(request.Headers.GetValues("X-Amz-Security-Token")));
        var contentSha = Assert.Single(request.Headers.GetValues("X-Amz-Content-SHA256"));
        var expected = IndependentSigV4.Signature(
            "POST", Endpoint,
            new Dictionary<string, string>
            {
                ["content-type"] = "application/x-amz-json-1.1",
                ["host"] = "events.us-east-1.amazonaws.com",
                ["x-amz-content-sha256"] = contentSha,
                ["x-amz-date"] = "20240501T123600Z",
                ["x-amz-security-token"] = SessionToken,
                ["x-amz-target"] = "AWSEvents.PutEvents",
            },
            body, SignedAt, "us-east-1", "events", SecretKey);
        Assert.Equal(
            $"AWS4-HMAC-SHA256 Credential={AccessKey}/20240501/us-east-1/events/aws4_request, "
            + $"SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date;x-amz-security-token;x-amz-target, Signature={expected}",
            authorization);
    }

    [Fact]
    public async Task A_refused_entry_throws_with_its_error_code_and_message()
    {
        _transport.Respond = _ => (HttpStatusCode.OK, """{"FailedEntryCount":1,"Entries":[{"ErrorCode":"AccessDeniedException","ErrorMessage":"not authorized on bus worker"}]}""");

        var error = await Assert.ThrowsAsync<PutEventsFailedException>(() => Client().PublishAsync([Done()], CancellationToken.None));

        Assert.Equal("AccessDeniedException", error.ErrorCode);
        Assert.Contains("not authorized on bus worker", error.Message);
    }

    [Fact]
    public async Task A_refused_request_throws_with_the_awsJson_error_type()
    {
        _transport.Respond = _ => (HttpStatusCode.BadRequest, """{"__type":"com.amazonaws.events#ResourceNotFoundException","message":"Event bus worker does not exist."}""");

        var error = await Assert.ThrowsAsync<PutEventsFailedException>(() => Client().PublishAsync([Done()], CancellationToken.None));

        Assert.Equal("ResourceNotFoundException", error.ErrorCode);
        Assert.Contains("Event bus worker does not exist.", error.Message);
    }

    [Fact]
    public async Task Events_go_out_in_requests_of_at_most_10_entries()
    {
        await Client().PublishAsync(Enumerable.Range(0, 25).Select(i => Done(i)).ToList(), CancellationToken.None);

        Assert.Equal([10, 10, 5], _transport.Requests.Select(r => JsonNode.Parse(r.Body)!["Entries"]!.AsArray().Count));
    }

    [Fact]
    public async Task Events_go_out_in_requests_of_at_most_256_KB()
    {
        await Client().PublishAsync([Done(0, 100_000), Done(1, 100_000), Done(2, 100_000)], CancellationToken.None);

        Assert.Equal([2, 1], _transport.Requests.Select(r => JsonNode.Parse(r.Body)!["Entries"]!.AsArray().Count));
    }

    [Fact]
    public async Task An_event_larger_than_256_KB_is_refused_before_sending()
    {
        var error = await Assert.ThrowsAsync<PutEventsFailedException>(() =>
            Client().PublishAsync([Done(0, EventEntrySize.MaxRequestBytes)], CancellationToken.None));

        Assert.Equal("EntryTooLarge", error.ErrorCode);
        Assert.Empty(_transport.Requests);
    }

    [Theory]
    [InlineData("http://127.0.0.1:4566", "http://127.0.0.1:9999", "http://127.0.0.1:4566/")]
    [InlineData(null, "http://127.0.0.1:9999", "http://127.0.0.1:9999/")]
    [InlineData(null, null, "https://events.eu-west-1.amazonaws.com/")]
    public void The_endpoint_is_the_events_override_then_the_global_one_then_the_regional_one(string? events, string? global, string expected)
    {
        Assert.Equal(new Uri(expected), EventBridgeConnection.EndpointFor("eu-west-1", events, global));
    }
}
