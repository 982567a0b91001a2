using System.Security;
using Choreo.LocalCloud.Auth;
using Microsoft.AspNetCore.Http;

namespace Choreo.LocalCloud.Hosting;

/// <summary>
/// A query-protocol request (<c>Action=...&amp;Version=...</c>, the form IAM, STS, SNS, CloudFormation and the other
/// query services speak) for a service or action local-cloud does not serve. Without this it fell through to S3 and
/// answered an S3 error that no client could relate to its call; AWS answers <c>InvalidAction</c> in the query
/// protocol's XML error shape, naming the action and version, and so does this.
/// </summary>
internal static class QueryProtocolRefusal
{
    private const string FormContentType = "application/x-www-form-urlencoded";

    /// <summary>The action and version of a query-protocol call on the service root, or null for anything else (S3's).</summary>
    public static async Task<(string Action, string Version)?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.Path.Value is not ("/" or ""))
        {
            return null;
        }

        if (request.Query.TryGetValue("Action", out var fromQuery) && request.Method is "GET" or "POST")
        {
            return (fromQuery.ToString(), request.Query["Version"].ToString());
        }

        if (request.Method != "POST" || request.ContentType?.StartsWith(FormContentType, StringComparison.OrdinalIgnoreCase) != true)
        {
            return null;
        }

        var body = await ReceivedRequest.ReadBodyAsync(request, cancellationToken);
        request.Body = new MemoryStream(body, writable: false);
        var form = QueryParameters.Parse(System.Text.Encoding.UTF8.GetString(body));
        return form.Get("Action") is { } action ? (action, form.Get("Version") ?? string.Empty) : null;
    }

    public static async Task WriteAsync(HttpContext context, string action, string version, CancellationToken cancellationToken)
    {
        var message = version.Length == 0
            ? $"Could not find operation {action}"
            : $"Could not find operation {action} for version {version}";
        context.Response.StatusCode = 400;
        context.Response.ContentType = "text/xml";
        context.Response.Headers["x-amzn-RequestId"] = context.TraceIdentifier;
        await context.Response.WriteAsync(
            "<ErrorResponse><Error><Type>Sender</Type><Code>InvalidAction</Code>" +
            $"<Message>{SecurityElement.Escape(message)}</Message></Error>" +
            $"<RequestId>{SecurityElement.Escape(context.TraceIdentifier)}</RequestId></ErrorResponse>",
            cancellationToken);
    }
}
