using System.Text.Json;
using Choreo.LocalCloud.Accounts;
using Choreo.LocalCloud.Hosting;
using Choreo.LocalCloud.StepFunctions.Api;
using Microsoft.AspNetCore.Http;

namespace Choreo.LocalCloud.Observability;

/// <summary>
/// <c>GET /_choreo/timeline?execution=ARN</c>: an execution's cross-account timeline, for <c>choreo trace</c>.
/// Not an AWS API (CloudWatch and X-Ray would hold this there), so it is unsigned and local-only.
/// </summary>
public sealed class TimelineRoute(StepFunctionsService executions, ExecutionTimeline timeline) : IRestRoute
{
    public const string Path = "/_choreo/timeline";

    public string? SigningName => null;

    public bool Matches(HttpRequest request) => HttpMethods.IsGet(request.Method) && request.Path.Equals(Path, StringComparison.Ordinal);

    public async Task HandleAsync(HttpContext context, AccountContext? caller, CancellationToken cancellationToken)
    {
        var execution = context.Request.Query["execution"].ToString();
        if (execution.Length == 0)
        {
            throw new AwsServiceException("ValidationException", "Pass the execution ARN: /_choreo/timeline?execution=arn:aws:states:...");
        }
        if (!executions.TryGetExecution(execution, out var run))
        {
            throw new AwsServiceException("ExecutionDoesNotExist", $"Execution Does Not Exist: '{execution}'", 404);
        }
        var document = new TimelineDocument(execution, run.Status.ToString(), timeline.For(execution));
        context.Response.ContentType = "application/json";
        await JsonSerializer.SerializeAsync(context.Response.Body, document, TimelineJsonContext.Default.TimelineDocument, cancellationToken).ConfigureAwait(false);
    }
}
