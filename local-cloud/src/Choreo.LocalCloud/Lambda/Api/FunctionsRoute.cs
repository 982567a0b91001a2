using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Choreo.LocalCloud.Accounts;
using Choreo.LocalCloud.Hosting;
using Choreo.LocalCloud.Lambda.Invocation;
using Choreo.LocalCloud.Lambda.Model;
using Choreo.LocalCloud.Services;
using Microsoft.AspNetCore.Http;

namespace Choreo.LocalCloud.Lambda.Api;

/// <summary>
/// Lambda's REST API (version 2015-03-31) on the shared endpoint: <c>POST functions/{name}/invocations</c>
/// (Invoke), <c>GET functions/</c> (ListFunctions) and <c>GET functions/{name}</c> (GetFunction).
/// </summary>
public sealed class FunctionsRoute(FunctionRegistry functions, LambdaService lambda) : IRestRoute
{
    private const string Prefix = "/2015-03-31/functions";
    private const int SynchronousPayloadLimit = 6 * 1024 * 1024;
    private const int AsynchronousPayloadLimit = 1024 * 1024;
    private const int DefaultPageSize = 50;

    public string? SigningName => "lambda";

    public bool Matches(HttpRequest request) =>
        request.Path.StartsWithSegments(Prefix, StringComparison.Ordinal);

    public async Task HandleAsync(HttpContext context, AccountContext? caller, CancellationToken cancellationToken)
    {
        var account = caller ?? throw new AwsServiceException("MissingAuthenticationTokenException", "Missing Authentication Token");
        var request = context.Request;
        var rest = request.Path.Value![Prefix.Length..].Trim('/');
        var segments = rest.Length == 0 ? [] : rest.Split('/');
        switch (request.Method, segments.Length)
        {
            case ("GET", 0):
                await WriteJsonAsync(context.Response, 200, List(account, request.Query), cancellationToken);
                return;
            case ("GET", 1):
                var function = Resolve(segments[0], request, account);
                await WriteJsonAsync(context.Response, 200, new JsonObject { ["Configuration"] = FunctionConfiguration.Of(function) }, cancellationToken);
                return;
            case ("POST", 2) when segments[1] == "invocations":
                await InvokeAsync(context, Resolve(segments[0], request, account), cancellationToken);
                return;
            default:
                throw new AwsServiceException("UnknownOperationException", $"local-cloud's Lambda API serves no operation for {request.Method} {request.Path}", 404);
        }
    }

    private LambdaFunction Resolve(string functionName, HttpRequest request, AccountContext caller)
    {
        var qualifier = request.Query.TryGetValue("Qualifier", out var values) ? values.ToString() : null;
        return functions.Get(FunctionName.ResolveArn(functionName, qualifier, caller));
    }

    private JsonObject List(AccountContext caller, IQueryCollection query)
    {
        var pageSize = DefaultPageSize;
        if (query.TryGetValue("MaxItems", out var maxItems)
            && (!int.TryParse(maxItems.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) || pageSize is < 1 or > 10_000))
        {
            throw new AwsServiceException("ValidationException",
                $"1 validation error detected: Value '{maxItems}' at 'maxItems' failed to satisfy constraint: Member must have value between 1 and 10000");
        }
        // The marker is the name of the last function returned: names are unique within an account and region.
        var marker = query.TryGetValue("Marker", out var markerValue) ? markerValue.ToString() : null;
        var names = functions.All
            .Where(f => f.Account == caller)
            .OrderBy(f => f.Name, StringComparer.Ordinal)
            .Where(f => marker is null || string.CompareOrdinal(f.Name, marker) > 0)
            .ToList();
        var page = names.Take(pageSize).ToList();
        var result = new JsonObject { ["Functions"] = new JsonArray([.. page.Select(f => (JsonNode)FunctionConfiguration.Of(f))]) };
        if (names.Count > page.Count)
        {
            result["NextMarker"] = page[^1].Name;
        }
        return result;
    }

    private async Task InvokeAsync(HttpContext context, LambdaFunction function, CancellationToken cancellationToken)
    {
        var request = context.Request;
        var invocationType = request.Headers["X-Amz-Invocation-Type"].ToString() switch
        {
            "" or "RequestResponse" => (LambdaInvocationType?)LambdaInvocationType.RequestResponse,
            "Event" => LambdaInvocationType.Event,
            "DryRun" => null,
            var other => throw new AwsServiceException("ValidationException",
                $"1 validation error detected: Value '{other}' at 'invocationType' failed to satisfy constraint: Member must satisfy enum value set: [Event, RequestResponse, DryRun]"),
        };
        var body = await ReceivedRequest.ReadBodyAsync(request, cancellationToken);
        var limit = invocationType == LambdaInvocationType.Event ? AsynchronousPayloadLimit : SynchronousPayloadLimit;
        if (body.Length > limit)
        {
            throw new AwsServiceException("RequestTooLargeException", $"Request must be smaller than {limit} bytes for the Invoke operation", 413);
        }
        // Lambda passes {} when the request has no payload.
        var payload = body.Length == 0 ? "{}" : Encoding.UTF8.GetString(body);
        EnsureJson(payload);

        var response = context.Response;
        if (invocationType is not { } type)
        {
            response.StatusCode = 204;
            return;
        }
        var invocation = await lambda.InvokeAsync(function, payload, type, cancellationToken);
        response.Headers["x-amzn-RequestId"] = invocation.RequestId;
        response.StatusCode = invocation.Result.StatusCode;
        if (type == LambdaInvocationType.Event)
        {
            return;
        }
        response.Headers["X-Amz-Executed-Version"] = "$LATEST";
        if (invocation.Result.FunctionError is { } functionError)
        {
            response.Headers["X-Amz-Function-Error"] = functionError;
        }
        if (request.Headers["X-Amz-Log-Type"].ToString() == "Tail" && lambda.Log.Find(invocation.RequestId) is { } record)
        {
            response.Headers["X-Amz-Log-Result"] = LogTail(record.Lines);
        }
        response.ContentType = "application/json";
        await response.WriteAsync(invocation.Result.Payload ?? "null", cancellationToken);
    }

    private static void EnsureJson(string payload)
    {
        try
        {
            using var _ = JsonDocument.Parse(payload);
        }
        catch (JsonException e)
        {
            throw new AwsServiceException("InvalidRequestContentException", $"Could not parse request body into json: {e.Message}");
        }
    }

    /// <summary>The last 4 KB of the invocation's log, base64-encoded, as <c>X-Amz-Log-Result</c> carries it.</summary>
    private static string LogTail(IReadOnlyList<string> lines)
    {
        var bytes = Encoding.UTF8.GetBytes(string.Concat(lines.Select(l => l + "\n")));
        return Convert.ToBase64String(bytes.Length > 4096 ? bytes[^4096..] : bytes);
    }

    private static async Task WriteJsonAsync(HttpResponse response, int statusCode, JsonObject body, CancellationToken cancellationToken)
    {
        response.StatusCode = statusCode;
        response.ContentType = "application/json";
        await response.WriteAsync(body.ToJsonString(), cancellationToken);
    }
}
