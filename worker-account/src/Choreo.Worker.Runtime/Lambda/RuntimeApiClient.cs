using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Choreo.Worker.Runtime.Lambda;

/// <summary>
/// The four calls of the Lambda Runtime API (version 2018-06-01) for custom runtimes such as
/// <c>provided.al2023</c>: next invocation, invocation response, invocation error and init error.
/// </summary>
public sealed class RuntimeApiClient
{
    public const string ApiVersion = "2018-06-01";
    public const string RequestIdHeader = "Lambda-Runtime-Aws-Request-Id";
    public const string DeadlineHeader = "Lambda-Runtime-Deadline-Ms";
    public const string FunctionArnHeader = "Lambda-Runtime-Invoked-Function-Arn";
    public const string TraceIdHeader = "Lambda-Runtime-Trace-Id";
    public const string ErrorTypeHeader = "Lambda-Runtime-Function-Error-Type";

    private readonly HttpClient _http;
    private readonly string _functionName;

    /// <param name="http">A client whose timeout allows the long poll of <c>next</c> (Lambda holds it until an event arrives).</param>
    /// <param name="runtimeApi">The value of <c>AWS_LAMBDA_RUNTIME_API</c>: <c>host:port</c>.</param>
    public RuntimeApiClient(HttpClient http, string runtimeApi, string functionName)
    {
        _http = http;
        _http.BaseAddress = new Uri($"http://{runtimeApi}/{ApiVersion}/");
        _functionName = functionName;
    }

    public async Task<NextInvocation> NextAsync(CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync("runtime/invocation/next", cancellationToken).ConfigureAwait(false);
        await EnsureAcceptedAsync(response, "runtime/invocation/next", cancellationToken).ConfigureAwait(false);
        var requestId = Header(response, RequestIdHeader)
            ?? throw new InvalidOperationException($"Lambda Runtime API: next invocation has no {RequestIdHeader} header");
        var deadline = long.TryParse(Header(response, DeadlineHeader), NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms)
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : throw new InvalidOperationException($"Lambda Runtime API: invocation {requestId} has no valid {DeadlineHeader} header");
        var context = new InvocationContext(
            requestId,
            Header(response, FunctionArnHeader) ?? string.Empty,
            _functionName,
            deadline,
            Header(response, TraceIdHeader));
        var payload = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return new NextInvocation(context, payload);
    }

    public async Task RespondAsync(string requestId, string? responseJson, CancellationToken cancellationToken)
    {
        using var content = new StringContent(responseJson ?? "null", Encoding.UTF8, "application/json");
        var path = $"runtime/invocation/{Uri.EscapeDataString(requestId)}/response";
        using var response = await _http.PostAsync(path, content, cancellationToken).ConfigureAwait(false);
        await EnsureAcceptedAsync(response, path, cancellationToken).ConfigureAwait(false);
    }

    public Task ReportInvocationErrorAsync(string requestId, RuntimeError error, CancellationToken cancellationToken) =>
        PostErrorAsync($"runtime/invocation/{Uri.EscapeDataString(requestId)}/error", error, cancellationToken);

    public Task ReportInitErrorAsync(RuntimeError error, CancellationToken cancellationToken) =>
        PostErrorAsync("runtime/init/error", error, cancellationToken);

    private async Task PostErrorAsync(string path, RuntimeError error, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(error, RuntimeJsonContext.Default.RuntimeError);
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        request.Headers.TryAddWithoutValidation(ErrorTypeHeader, error.ErrorType);
        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        await EnsureAcceptedAsync(response, path, cancellationToken).ConfigureAwait(false);
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static async Task EnsureAcceptedAsync(HttpResponseMessage response, string path, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            throw new InvalidOperationException($"Lambda Runtime API: {path} answered {(int)response.StatusCode}: {body}");
        }
    }
}
