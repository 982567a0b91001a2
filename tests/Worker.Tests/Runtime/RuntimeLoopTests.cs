using System.Text.Json.Nodes;
using Choreo.Worker.Runtime.Lambda;
using Choreo.Worker.Runtime.Logging;
using Worker.Tests.Runtime.Fakes;

namespace Worker.Tests.Runtime;

public sealed class RuntimeLoopTests
{
    private const string Arn = "arn:aws:lambda:us-east-1:222222222222:function:worker-getMultiple";
    private readonly StringWriter _logs = new();

    private LambdaRuntimeLoop LoopFor(FakeRuntimeApi api, HttpClient http) =>
        new(new RuntimeApiClient(http, api.HostAndPort, "worker-getMultiple"), new JsonLineLogger(_logs, "worker-getMultiple", TimeProvider.System), TimeProvider.System);

    // Cancelled while waiting for the next event or between events, the loop returns: awaiting it must not throw.
    private static async Task StopAsync(CancellationTokenSource stop, Task run)
    {
        await stop.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(run.IsCompletedSuccessfully, "the runtime loop did not return cleanly when cancelled");
    }

    [Fact]
    public async Task The_loop_hands_each_event_with_its_context_to_the_function_and_posts_the_response()
    {
        await using var api = await FakeRuntimeApi.StartAsync();
        using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        var deadline = DateTimeOffset.FromUnixTimeMilliseconds(TimeProvider.System.GetUtcNow().AddMinutes(1).ToUnixTimeMilliseconds());
        api.Enqueue(new PendingInvocation("req-1", """{"n":1}""", deadline, Arn, "Root=1-5e1b4151-5ac6c58f5b5dbd6a2a1b0e6b;Sampled=1"));
        api.Enqueue(new PendingInvocation("req-2", """{"n":2}""", deadline, Arn, "Root=2"));
        var function = new DelegateFunctionHandler((json, _, _) => Task.FromResult<string?>($$"""{"echo":{{json}}}"""));
        using var stop = new CancellationTokenSource();

        var run = LoopFor(api, http).RunAsync(function, stop.Token);
        var first = await api.NextCallAsync();
        var second = await api.NextCallAsync();
        await StopAsync(stop, run);

        Assert.Equal(new RuntimeApiCall("response", "req-1", """{"echo":{"n":1}}""", null, "application/json; charset=utf-8"), first);
        Assert.Equal("req-2", second.RequestId);
        var context = function.Contexts[0];
        Assert.Equal("req-1", context.RequestId);
        Assert.Equal(Arn, context.FunctionArn);
        Assert.Equal("worker-getMultiple", context.FunctionName);
        Assert.Equal(deadline, context.Deadline);
        Assert.Equal("Root=1-5e1b4151-5ac6c58f5b5dbd6a2a1b0e6b;Sampled=1", context.TraceId);
    }

    [Fact]
    public async Task A_function_error_is_posted_as_an_invocation_error_with_the_documented_body_and_header()
    {
        await using var api = await FakeRuntimeApi.StartAsync();
        using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        api.Enqueue(new PendingInvocation("req-9", "{}", TimeProvider.System.GetUtcNow().AddMinutes(1), Arn, "Root=9"));
        var function = new DelegateFunctionHandler((_, _, _) => throw new InvalidOperationException("no task token"));
        using var stop = new CancellationTokenSource();

        var run = LoopFor(api, http).RunAsync(function, stop.Token);
        var call = await api.NextCallAsync();
        await StopAsync(stop, run);

        Assert.Equal("error", call.Kind);
        Assert.Equal("req-9", call.RequestId);
        Assert.Equal("InvalidOperationException", call.ErrorTypeHeader);
        var body = JsonNode.Parse(call.Body)!.AsObject();
        Assert.Equal("no task token", (string?)body["errorMessage"]);
        Assert.Equal("InvalidOperationException", (string?)body["errorType"]);
        Assert.IsType<JsonArray>(body["stackTrace"]);
        var log = JsonNode.Parse(_logs.ToString().Split('\n')[0])!;
        Assert.Equal("req-9", (string?)log["requestId"]);
    }

    [Fact]
    public async Task The_function_is_cancelled_at_the_invocation_deadline()
    {
        await using var api = await FakeRuntimeApi.StartAsync();
        using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        api.Enqueue(new PendingInvocation("req-3", "{}", TimeProvider.System.GetUtcNow().AddMilliseconds(200), Arn, "Root=3"));
        var function = new DelegateFunctionHandler(async (_, _, ct) =>
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, TimeProvider.System, ct);
            return null;
        });
        using var stop = new CancellationTokenSource();

        var run = LoopFor(api, http).RunAsync(function, stop.Token);
        var call = await api.NextCallAsync();
        await StopAsync(stop, run);

        Assert.Equal("error", call.Kind);
        Assert.Equal("TaskCanceledException", call.ErrorTypeHeader);
    }

    [Fact]
    public async Task An_init_failure_is_posted_to_init_error()
    {
        await using var api = await FakeRuntimeApi.StartAsync();
        using var http = new HttpClient();

        await LoopFor(api, http).ReportInitErrorAsync(new ArgumentException("Unknown handler 'nope' (_HANDLER)"), CancellationToken.None);

        var call = await api.NextCallAsync();
        Assert.Equal("init-error", call.Kind);
        Assert.Equal("ArgumentException", call.ErrorTypeHeader);
        Assert.Equal("Unknown handler 'nope' (_HANDLER)", (string?)JsonNode.Parse(call.Body)!["errorMessage"]);
        Assert.Equal(0, api.NextRequests);
    }
}
