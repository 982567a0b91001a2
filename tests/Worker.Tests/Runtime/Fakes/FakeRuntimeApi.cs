using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Worker.Tests.Runtime.Fakes;

/// <summary>
/// The Lambda Runtime API (2018-06-01) as AWS documents it, on 127.0.0.1 with a free port: <c>GET next</c>
/// long-polls until an event is queued and answers with the documented headers; responses and errors are
/// accepted with 202 and recorded.
/// </summary>
public sealed class FakeRuntimeApi : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Channel<PendingInvocation> _pending = Channel.CreateUnbounded<PendingInvocation>();
    private readonly Channel<RuntimeApiCall> _calls = Channel.CreateUnbounded<RuntimeApiCall>();

    private FakeRuntimeApi(WebApplication app) => _app = app;

    /// <summary><c>host:port</c>, the form of <c>AWS_LAMBDA_RUNTIME_API</c>.</summary>
    public string HostAndPort { get; private set; } = string.Empty;

    public int NextRequests { get; private set; }

    public TaskCompletionSource<DateTimeOffset> FirstNext { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static async Task<FakeRuntimeApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var api = new FakeRuntimeApi(app);
        api.Map();
        await app.StartAsync();
        api.HostAndPort = new Uri(app.Urls.First()).Authority;
        return api;
    }

    public void Enqueue(PendingInvocation invocation) => _pending.Writer.TryWrite(invocation);

    public async Task<RuntimeApiCall> NextCallAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return await _calls.Reader.ReadAsync(timeout.Token);
    }

    private void Map()
    {
        _app.MapGet("/2018-06-01/runtime/invocation/next", async (HttpContext http) =>
        {
            NextRequests++;
            FirstNext.TrySetResult(TimeProvider.System.GetUtcNow());
            var next = await _pending.Reader.ReadAsync(http.RequestAborted);
            http.Response.Headers["Lambda-Runtime-Aws-Request-Id"] = next.RequestId;
            http.Response.Headers["Lambda-Runtime-Deadline-Ms"] = next.Deadline.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
            http.Response.Headers["Lambda-Runtime-Invoked-Function-Arn"] = next.FunctionArn;
            http.Response.Headers["Lambda-Runtime-Trace-Id"] = next.TraceId;
            http.Response.ContentType = "application/json";
            await http.Response.WriteAsync(next.Payload);
        });
        _app.MapPost("/2018-06-01/runtime/invocation/{id}/response", (HttpContext http, string id) => RecordAsync(http, "response", id));
        _app.MapPost("/2018-06-01/runtime/invocation/{id}/error", (HttpContext http, string id) => RecordAsync(http, "error", id));
        _app.MapPost("/2018-06-01/runtime/init/error", (Func<HttpContext, Task<IResult>>)(http => RecordAsync(http, "init-error", null)));
    }

    private async Task<IResult> RecordAsync(HttpContext http, string kind, string? requestId)
    {
        using var reader = new StreamReader(http.Request.Body);
        var body = await reader.ReadToEndAsync();
        var errorType = http.Request.Headers.TryGetValue("Lambda-Runtime-Function-Error-Type", out var value) ? value.ToString() : null;
        await _calls.Writer.WriteAsync(new RuntimeApiCall(kind, requestId, body, errorType, http.Request.ContentType));
        return Results.Json(new Dictionary<string, string> { ["status"] = "OK" }, statusCode: StatusCodes.Status202Accepted);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
