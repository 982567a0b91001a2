using System.Collections.Concurrent;
using System.Globalization;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Choreo.LocalCloud.Lambda.Runners.Process;

/// <summary>
/// The Lambda Runtime API (2018-06-01) for one execution environment: the bootstrap long-polls
/// <c>invocation/next</c>, then posts <c>response</c> or <c>error</c>; <c>init/error</c> reports a failed start.
/// </summary>
public sealed class RuntimeApiServer : IAsyncDisposable
{
    private const string Prefix = "/2018-06-01/runtime";
    private readonly Channel<PendingInvocation> _queue = Channel.CreateUnbounded<PendingInvocation>();
    private readonly ConcurrentDictionary<string, PendingInvocation> _inFlight = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource<FunctionError> _initError = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly WebApplication _app;

    private RuntimeApiServer(WebApplication app) => _app = app;

    /// <summary>host:port, the value of <c>AWS_LAMBDA_RUNTIME_API</c>.</summary>
    public string Address { get; private set; } = string.Empty;

    /// <summary>Completes when the runtime reports that it could not initialize.</summary>
    public Task<FunctionError> InitError => _initError.Task;

    public static async Task<RuntimeApiServer> StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new RuntimeApiServer(app);
        app.MapGet(Prefix + "/invocation/next", server.NextAsync);
        app.MapPost(Prefix + "/invocation/{requestId}/response", server.ResponseAsync);
        app.MapPost(Prefix + "/invocation/{requestId}/error", server.ErrorAsync);
        app.MapPost(Prefix + "/init/error", server.InitErrorAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        server.Address = new Uri(address).Authority;
        return server;
    }

    /// <summary>Queues one invocation for the runtime and waits for its response or error.</summary>
    public async Task<FunctionOutcome> InvokeAsync(string payload, LambdaInvocationContext context, CancellationToken cancellationToken)
    {
        var pending = new PendingInvocation(payload, context);
        _inFlight[context.RequestId] = pending;
        try
        {
            await _queue.Writer.WriteAsync(pending, cancellationToken).ConfigureAwait(false);
            return await pending.Outcome.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _inFlight.TryRemove(context.RequestId, out _);
        }
    }

    /// <summary>Ends every waiting invocation with <paramref name="error"/> (the process exited).</summary>
    public void FailAll(FunctionError error)
    {
        foreach (var pending in _inFlight.Values)
        {
            pending.Outcome.TrySetResult(new FunctionOutcome(null, error));
        }
    }

    private async Task NextAsync(HttpContext http)
    {
        PendingInvocation pending;
        try
        {
            pending = await _queue.Reader.ReadAsync(http.RequestAborted).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        var context = pending.Context;
        http.Response.Headers["Lambda-Runtime-Aws-Request-Id"] = context.RequestId;
        http.Response.Headers["Lambda-Runtime-Deadline-Ms"] = context.Deadline.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        http.Response.Headers["Lambda-Runtime-Invoked-Function-Arn"] = context.FunctionArn;
        http.Response.Headers["Lambda-Runtime-Trace-Id"] = context.TraceId;
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(pending.Payload, http.RequestAborted).ConfigureAwait(false);
    }

    private async Task ResponseAsync(HttpContext http, string requestId)
    {
        var body = await ReadBodyAsync(http).ConfigureAwait(false);
        await CompleteAsync(http, requestId, FunctionOutcome.Success(body)).ConfigureAwait(false);
    }

    private async Task ErrorAsync(HttpContext http, string requestId)
    {
        var error = ParseError(http, await ReadBodyAsync(http).ConfigureAwait(false));
        await CompleteAsync(http, requestId, new FunctionOutcome(null, error)).ConfigureAwait(false);
    }

    private async Task InitErrorAsync(HttpContext http)
    {
        _initError.TrySetResult(ParseError(http, await ReadBodyAsync(http).ConfigureAwait(false)));
        FailAll(_initError.Task.Result);
        await Accepted(http).ConfigureAwait(false);
    }

    private async Task CompleteAsync(HttpContext http, string requestId, FunctionOutcome outcome)
    {
        if (!_inFlight.TryGetValue(requestId, out var pending))
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            await http.Response.WriteAsJsonAsync(new RuntimeApiError("InvalidRequestID", $"Unknown or finished request id {requestId}"), RuntimeApiJsonContext.Default.RuntimeApiError).ConfigureAwait(false);
            return;
        }
        pending.Outcome.TrySetResult(outcome);
        await Accepted(http).ConfigureAwait(false);
    }

    private static async Task Accepted(HttpContext http)
    {
        http.Response.StatusCode = StatusCodes.Status202Accepted;
        await http.Response.WriteAsJsonAsync(new RuntimeApiStatus("OK"), RuntimeApiJsonContext.Default.RuntimeApiStatus).ConfigureAwait(false);
    }

    private static async Task<string> ReadBodyAsync(HttpContext http)
    {
        using var reader = new StreamReader(http.Request.Body);
        return await reader.ReadToEndAsync(http.RequestAborted).ConfigureAwait(false);
    }

    private static FunctionError ParseError(HttpContext http, string body)
    {
        var headerType = http.Request.Headers["Lambda-Runtime-Function-Error-Type"].ToString();
        try
        {
            var parsed = System.Text.Json.JsonSerializer.Deserialize(body, RuntimeApiJsonContext.Default.RuntimeErrorBody);
            return new FunctionError(
                parsed?.ErrorType ?? (headerType.Length > 0 ? headerType : "Runtime.Unknown"),
                parsed?.ErrorMessage ?? body);
        }
        catch (System.Text.Json.JsonException)
        {
            return new FunctionError(headerType.Length > 0 ? headerType : "Runtime.Unknown", body);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        FailAll(new FunctionError("Runtime.ExitError", "The execution environment was shut down."));
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private sealed record PendingInvocation(string Payload, LambdaInvocationContext Context)
    {
        public TaskCompletionSource<FunctionOutcome> Outcome { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
