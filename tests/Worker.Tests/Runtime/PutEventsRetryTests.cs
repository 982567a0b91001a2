using System.Text.Json.Nodes;
using Amazon.Runtime;
using Choreo.Contracts;
using Choreo.Worker.Runtime.Events;
using Worker.Tests.Runtime.Fakes;

namespace Worker.Tests.Runtime;

/// <summary>The PutEvents client against a loopback endpoint that throttles, fails partially and answers 500.</summary>
public sealed class PutEventsRetryTests
{
    private const string Throttled = """{"__type":"ThrottlingException","message":"Rate exceeded"}""";

    private readonly List<TimeSpan> _waits = [];

    private EventBridgePutEventsClient Client(FakeEventBridgeEndpoint endpoint, PutEventsRetryPolicy? policy = null, HttpClient? http = null) => new(
        http ?? new HttpClient(),
        new EventBridgeConnection(endpoint.Endpoint, "us-east-1", new BasicAWSCredentials("AKIDEXAMPLE", "secret")),
        TimeProvider.System,
        policy ?? new PutEventsRetryPolicy { MaxAttempts = 3, BaseDelay = TimeSpan.FromMilliseconds(100), MaxDelay = TimeSpan.FromSeconds(20) },
        delay: (wait, _) =>
        {
            _waits.Add(wait);
            return Task.CompletedTask;
        },
        jitter: () => 0.5);

    private static OutgoingEvent Done(int n) =>
        new("worker", Sources.Worker, DetailTypes.Done, $$"""{"TaskToken":"t{{n}}","execution":"e"}""");

    private static List<OutgoingEvent> Events(int count) => [.. Enumerable.Range(0, count).Select(Done)];

    private static List<string> Tokens(JsonArray entries) =>
        [.. entries.Select(e => (string)JsonNode.Parse((string)e!["Detail"]!)!["TaskToken"]!)];

    [Fact]
    public async Task A_throttled_request_is_sent_again_after_a_jittered_exponential_backoff()
    {
        await using var endpoint = await FakeEventBridgeEndpoint.StartAsync((entries, n) => n <= 2 ? (400, Throttled) : FakeEventBridgeEndpoint.Answer(entries));

        await Client(endpoint).PublishAsync(Events(2), CancellationToken.None);

        Assert.Equal(3, endpoint.Requests.Count);
        Assert.All(endpoint.Requests, r => Assert.Equal(["t0", "t1"], Tokens(r)));
        // Full jitter with 0.5: half of 100 ms, then half of 200 ms.
        Assert.Equal([TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(100)], _waits);
    }

    [Fact]
    public async Task A_request_answered_500_every_time_fails_after_the_last_attempt_naming_every_event()
    {
        await using var endpoint = await FakeEventBridgeEndpoint.StartAsync((_, _) => (500, """{"__type":"InternalException","message":"try again"}"""));

        var error = await Assert.ThrowsAsync<PutEventsFailedException>(() => Client(endpoint).PublishAsync(Events(2), CancellationToken.None));

        Assert.Equal(3, endpoint.Requests.Count);
        Assert.Equal("InternalException", error.ErrorCode);
        Assert.Equal([0, 1], error.FailedEntries.Select(f => f.Index));
        Assert.Contains("after 3 attempts", error.Message);
        Assert.Contains("#0 'done'", error.Message);
        Assert.Contains("#1 'done'", error.Message);
    }

    [Fact]
    public async Task A_request_that_outlives_the_http_timeout_is_sent_again()
    {
        // The first request is never answered: the endpoint holds it until the client's timeout aborts it.
        await using var endpoint = await FakeEventBridgeEndpoint.StartAsync(async (entries, n, aborted) =>
        {
            if (n == 1)
            {
                await FakeEventBridgeEndpoint.UntilAbortedAsync(aborted);
            }
            return FakeEventBridgeEndpoint.Answer(entries);
        });
        using var http = new HttpClient { Timeout = TimeSpan.FromMilliseconds(200) };

        await Client(endpoint, http: http).PublishAsync(Events(2), CancellationToken.None);

        Assert.Equal([["t0", "t1"], ["t0", "t1"]], endpoint.Requests.Select(Tokens));
        Assert.Equal([TimeSpan.FromMilliseconds(50)], _waits);
    }

    [Fact]
    public async Task A_request_timing_out_on_every_attempt_fails_naming_the_timeout()
    {
        await using var endpoint = await FakeEventBridgeEndpoint.StartAsync(async (entries, _, aborted) =>
        {
            await FakeEventBridgeEndpoint.UntilAbortedAsync(aborted);
            return FakeEventBridgeEndpoint.Answer(entries);
        });
        using var http = new HttpClient { Timeout = TimeSpan.FromMilliseconds(200) };

        var error = await Assert.ThrowsAsync<PutEventsFailedException>(() => Client(endpoint, http: http).PublishAsync(Events(1), CancellationToken.None));

        Assert.Equal(3, endpoint.Requests.Count);
        Assert.Equal("RequestTimeout", error.ErrorCode);
        Assert.Contains("after 3 attempts", error.Message);
    }

    [Fact]
    public async Task Cancellation_by_the_caller_is_not_retried()
    {
        using var caller = new CancellationTokenSource();
        await using var endpoint = await FakeEventBridgeEndpoint.StartAsync(async (entries, _, aborted) =>
        {
            await caller.CancelAsync();
            await FakeEventBridgeEndpoint.UntilAbortedAsync(aborted);
            return FakeEventBridgeEndpoint.Answer(entries);
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Client(endpoint).PublishAsync(Events(1), caller.Token));

        Assert.Single(endpoint.Requests);
        Assert.Empty(_waits);
    }

    [Fact]
    public async Task A_partial_failure_resends_only_the_throttled_and_internally_failed_entries()
    {
        await using var endpoint = await FakeEventBridgeEndpoint.StartAsync((entries, n) => n == 1
            ? FakeEventBridgeEndpoint.Answer(entries, new Dictionary<int, string> { [1] = "ThrottlingException", [3] = "InternalFailure" })
            : FakeEventBridgeEndpoint.Answer(entries));

        await Client(endpoint).PublishAsync(Events(4), CancellationToken.None);

        Assert.Equal(2, endpoint.Requests.Count);
        Assert.Equal(["t0", "t1", "t2", "t3"], Tokens(endpoint.Requests[0]));
        Assert.Equal(["t1", "t3"], Tokens(endpoint.Requests[1]));
        Assert.Equal([TimeSpan.FromMilliseconds(50)], _waits);
    }

    [Fact]
    public async Task An_entry_that_keeps_failing_is_named_and_accepted_entries_are_never_resent()
    {
        // The event with token t1 is throttled whenever it is sent.
        await using var endpoint = await FakeEventBridgeEndpoint.StartAsync((entries, _) => FakeEventBridgeEndpoint.Answer(entries,
            Tokens(entries).Select((token, i) => (token, i)).Where(p => p.token == "t1").ToDictionary(p => p.i, _ => "ThrottlingException")));

        var error = await Assert.ThrowsAsync<PutEventsFailedException>(() => Client(endpoint).PublishAsync(Events(3), CancellationToken.None));

        Assert.Equal([["t0", "t1", "t2"], ["t1"], ["t1"]], endpoint.Requests.Select(Tokens));
        var failed = Assert.Single(error.FailedEntries);
        Assert.Equal(new FailedEventEntry(1, DetailTypes.Done, "ThrottlingException", "ThrottlingException for entry 0"), failed);
        Assert.Equal("ThrottlingException", error.ErrorCode);
        Assert.Contains("1 of 3 events were not accepted: #1 'done' (ThrottlingException", error.Message);
    }

    [Fact]
    public async Task An_entry_refused_for_good_is_not_resent()
    {
        await using var endpoint = await FakeEventBridgeEndpoint.StartAsync((entries, _) =>
            FakeEventBridgeEndpoint.Answer(entries, new Dictionary<int, string> { [0] = "MalformedDetail" }));

        var error = await Assert.ThrowsAsync<PutEventsFailedException>(() => Client(endpoint).PublishAsync(Events(2), CancellationToken.None));

        Assert.Single(endpoint.Requests);
        Assert.Equal("MalformedDetail", error.ErrorCode);
        Assert.Equal([0], error.FailedEntries.Select(f => f.Index));
        Assert.Empty(_waits);
    }

    [Fact]
    public async Task A_client_error_that_is_not_throttling_is_not_retried()
    {
        await using var endpoint = await FakeEventBridgeEndpoint.StartAsync((_, _) =>
            (400, """{"__type":"com.amazonaws.events#AccessDeniedException","message":"not authorized"}"""));

        var error = await Assert.ThrowsAsync<PutEventsFailedException>(() => Client(endpoint).PublishAsync(Events(1), CancellationToken.None));

        Assert.Single(endpoint.Requests);
        Assert.Equal("AccessDeniedException", error.ErrorCode);
    }

    [Fact]
    public async Task Throttling_then_a_partial_failure_then_success_delivers_every_event_exactly_once()
    {
        await using var endpoint = await FakeEventBridgeEndpoint.StartAsync((entries, n) => n switch
        {
            1 => (429, Throttled),
            2 => FakeEventBridgeEndpoint.Answer(entries, new Dictionary<int, string> { [0] = "InternalFailure" }),
            _ => FakeEventBridgeEndpoint.Answer(entries),
        });

        await Client(endpoint, new PutEventsRetryPolicy { MaxAttempts = 4 }).PublishAsync(Events(2), CancellationToken.None);

        Assert.Equal([["t0", "t1"], ["t0", "t1"], ["t0"]], endpoint.Requests.Select(Tokens));
    }

    [Fact]
    public async Task One_attempt_means_no_retry()
    {
        await using var endpoint = await FakeEventBridgeEndpoint.StartAsync((_, _) => (503, "Service Unavailable"));

        var error = await Assert.ThrowsAsync<PutEventsFailedException>(() =>
            Client(endpoint, new PutEventsRetryPolicy { MaxAttempts = 1 }).PublishAsync(Events(1), CancellationToken.None));

        Assert.Single(endpoint.Requests);
        Assert.Equal("Http503", error.ErrorCode);
        Assert.Empty(_waits);
    }

    [Theory]
    [InlineData(1, 0.999, 99.9)]
    [InlineData(3, 0.5, 200)]
    [InlineData(20, 0.999, 1998)]
    public void Backoff_grows_exponentially_and_never_exceeds_the_cap(int retry, double jitter, double expectedMs)
    {
        var policy = new PutEventsRetryPolicy { BaseDelay = TimeSpan.FromMilliseconds(100), MaxDelay = TimeSpan.FromSeconds(2) };

        Assert.Equal(expectedMs, policy.DelayBefore(retry, jitter).TotalMilliseconds, precision: 6);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(21)]
    public void A_policy_outside_its_bounds_is_refused(int attempts)
    {
        var error = Assert.Throws<ArgumentException>(() => new PutEventsRetryPolicy { MaxAttempts = attempts }.Validate());

        Assert.Contains($"MaxAttempts is {attempts}", error.Message);
    }
}
