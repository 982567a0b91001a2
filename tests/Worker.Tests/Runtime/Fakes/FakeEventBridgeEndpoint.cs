using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Worker.Tests.Runtime.Fakes;

/// <summary>
/// An EventBridge PutEvents endpoint on 127.0.0.1 (free port) that answers each request from a script:
/// the script sees the request's entries and the request's number (1-based) and returns the status and body.
/// Every request's entries are recorded, so tests see exactly what was (re)sent.
/// </summary>
public sealed class FakeEventBridgeEndpoint : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<JsonArray> _requests = new();

    private FakeEventBridgeEndpoint(WebApplication app, Func<JsonArray, int, CancellationToken, Task<(int Status, string Body)>> script)
    {
        _app = app;
        _app.MapPost("/", async (HttpContext http) =>
        {
            using var reader = new StreamReader(http.Request.Body);
            var entries = JsonNode.Parse(await reader.ReadToEndAsync())!["Entries"]!.AsArray();
            _requests.Enqueue(entries);
            var (status, body) = await script(entries, _requests.Count, http.RequestAborted);
            http.Response.StatusCode = status;
            http.Response.ContentType = "application/x-amz-json-1.1";
            await http.Response.WriteAsync(body);
        });
    }

    public Uri Endpoint { get; private set; } = new("http://127.0.0.1/");

    /// <summary>The entries of each request, in order.</summary>
    public IReadOnlyList<JsonArray> Requests => [.. _requests];

    public static Task<FakeEventBridgeEndpoint> StartAsync(Func<JsonArray, int, (int Status, string Body)> script) =>
        StartAsync((entries, n, _) => Task.FromResult(script(entries, n)));

    /// <summary>An endpoint whose script may hold a request (until the client gives up: the token is the request's abort).</summary>
    public static async Task<FakeEventBridgeEndpoint> StartAsync(Func<JsonArray, int, CancellationToken, Task<(int Status, string Body)>> script)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var endpoint = new FakeEventBridgeEndpoint(builder.Build(), script);
        await endpoint._app.StartAsync();
        endpoint.Endpoint = new Uri(endpoint._app.Urls.First() + "/");
        return endpoint;
    }

    /// <summary>A 200 answer: entries whose index is in <paramref name="failures"/> fail with that code, the others are accepted.</summary>
    public static (int Status, string Body) Answer(JsonArray entries, IReadOnlyDictionary<int, string>? failures = null)
    {
        failures ??= new Dictionary<int, string>();
        var results = new JsonArray();
        for (var i = 0; i < entries.Count; i++)
        {
            results.Add(failures.TryGetValue(i, out var code)
                ? new JsonObject { ["ErrorCode"] = code, ["ErrorMessage"] = $"{code} for entry {i}" }
                : new JsonObject { ["EventId"] = $"id-{Guid.NewGuid():N}" });
        }
        return (200, new JsonObject { ["FailedEntryCount"] = failures.Count(f => f.Key < entries.Count), ["Entries"] = results }.ToJsonString());
    }

    /// <summary>Holds a request without answering until the client aborts it (a timeout) or the endpoint stops.</summary>
    public static async Task UntilAbortedAsync(CancellationToken aborted)
    {
        var gone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var registration = aborted.Register(() => gone.TrySetResult());
        await gone.Task;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
