using Choreo.LocalCloud.Accounts;
using Choreo.LocalCloud.Auth;
using Microsoft.AspNetCore.Http;

namespace Choreo.LocalCloud.Hosting;

/// <summary>
/// Reports every request to <see cref="LocalCloudOptions.RequestLog"/> once it is answered. It reads only what routing
/// reads (headers, the credential scope, a query form's <c>Action</c>); the signature is not checked here, so the
/// account is the one the request claims, and its status says whether the claim held.
/// </summary>
internal sealed class RequestLogging(CredentialDirectory credentials, Action<RequestLogEntry> log)
{
    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var started = TimeProvider.System.GetTimestamp();
        var operation = await OperationAsync(context.Request);
        try
        {
            await next(context);
        }
        finally
        {
            var elapsed = TimeProvider.System.GetElapsedTime(started);
            var service = SigningService.Of(context.Request) ?? "s3";
            log(new RequestLogEntry(context.Request.Method, service, operation, Account(context.Request), context.Response.StatusCode, elapsed));
        }
    }

    private static async Task<string> OperationAsync(HttpRequest request)
    {
        if (request.Headers.TryGetValue("X-Amz-Target", out var target))
        {
            var text = target.ToString();
            return text[(text.LastIndexOf('.') + 1)..];
        }

        if (request.Query.TryGetValue("Action", out var action))
        {
            return action.ToString();
        }

        if (request.Method == "POST" && request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true)
        {
            var body = await ReceivedRequest.ReadBodyAsync(request, request.HttpContext.RequestAborted);
            request.Body = new MemoryStream(body, writable: false);
            if (QueryParameters.Parse(System.Text.Encoding.UTF8.GetString(body)).Get("Action") is { } formAction)
            {
                return formAction;
            }
        }

        return $"{request.Method} {request.Path}";
    }

    private string Account(HttpRequest request) =>
        SigningService.AccessKeyOf(request) is { } accessKey && credentials.TryResolve(accessKey, out var identity) ? identity.AccountId : "-";
}
