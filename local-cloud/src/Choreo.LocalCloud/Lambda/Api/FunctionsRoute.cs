using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Choreo.LocalCloud.Accounts;
using Choreo.LocalCloud.Hosting;
using Choreo.LocalCloud.Lambda.Invocation;
using Choreo.LocalCloud.Lambda.Model;
using Choreo.LocalCloud.Lambda.Runtimes;
using Choreo.LocalCloud.Services;
using Choreo.LocalCloud.Time;
using Microsoft.AspNetCore.Http;

namespace Choreo.LocalCloud.Lambda.Api;

/// <summary>
/// Lambda's REST API (version 2015-03-31) on the shared endpoint: <c>POST functions/{name}/invocations</c>
/// (Invoke), <c>POST functions/</c> (CreateFunction, with the code inline as <c>Code.ZipFile</c>),
/// <c>GET functions/</c> (ListFunctions) and <c>GET functions/{name}</c> (GetFunction).
/// </summary>
public sealed class FunctionsRoute(FunctionRegistry functions, LambdaService lambda, IClock clock) : IRestRoute
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
            case ("POST", 0):
                await WriteJsonAsync(context.Response, 201, await CreateAsync(account, request, cancellationToken), cancellationToken);
                return;
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

    private async Task<JsonObject> CreateAsync(AccountContext caller, HttpRequest request, CancellationToken cancellationToken)
    {
        var text = Encoding.UTF8.GetString(await ReceivedRequest.ReadBodyAsync(request, cancellationToken));
        JsonObject body;
        try
        {
            body = JsonNode.Parse(text) as JsonObject ?? throw new JsonException("not an object");
        }
        catch (JsonException e)
        {
            throw new AwsServiceException("InvalidRequestContentException", $"Could not parse request body into json: {e.Message}");
        }
        var name = RequiredText(body, "FunctionName");
        RequiredText(body, "Role");
        if (body["PackageType"]?.ToString() == "Image")
        {
            throw new AwsServiceException("InvalidParameterValueException", "local-cloud's Lambda does not support container image functions; use PackageType Zip.");
        }
        var runtime = RequiredText(body, "Runtime");
        // AWS checks the runtime's lifecycle before it looks at the code.
        RuntimeLifecycleTable.EnsureCreatable(runtime, clock.UtcNow);
        var arn = FunctionName.ResolveArn(name, null, caller);
        if (functions.All.Any(existing => existing.Arn == arn))
        {
            throw new AwsServiceException("ResourceConflictException", $"Function already exist: {name}", 409);
        }
        var code = body["Code"] as JsonObject
            ?? throw new AwsServiceException("ValidationException", "1 validation error detected: Value null at 'code' failed to satisfy constraint: Member must not be null");
        var zip = code["ZipFile"]?.ToString()
            ?? throw new AwsServiceException("InvalidParameterValueException", "local-cloud's Lambda takes the code inline as Code.ZipFile; S3 and image code locations are not supported.");
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        if (body["Environment"]?["Variables"] is JsonObject variables)
        {
            foreach (var (key, value) in variables)
            {
                environment[key] = value?.ToString() ?? string.Empty;
            }
        }
        var function = new LambdaFunction(
            caller,
            arn[(arn.LastIndexOf(':') + 1)..],
            body["Handler"]?.ToString() ?? string.Empty,
            runtime,
            UploadedCode.Unpack(zip, caller.AccountId, name),
            environment,
            TimeSpan.FromSeconds(Number(body, "Timeout", 3, 1, 900)),
            Number(body, "MemorySize", 128, 128, 10_240));
        functions.Put(function);
        return FunctionConfiguration.Of(function);
    }

    private static string RequiredText(JsonObject body, string name) =>
        body[name] is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0
            ? text
            : throw new AwsServiceException("ValidationException",
                $"1 validation error detected: Value null at '{char.ToLowerInvariant(name[0])}{name[1..]}' failed to satisfy constraint: Member must not be null");

    private static int Number(JsonObject body, string name, int fallback, int min, int max)
    {
        if (body[name] is null)
        {
            return fallback;
        }
        if (body[name] is JsonValue value && value.TryGetValue<int>(out var number) && number >= min && number <= max)
        {
            return number;
        }
        throw new AwsServiceException("ValidationException",
            $"1 validation error detected: Value '{body[name]}' at '{char.ToLowerInvariant(name[0])}{name[1..]}' failed to satisfy constraint: Member must have value between {min} and {max}");
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
