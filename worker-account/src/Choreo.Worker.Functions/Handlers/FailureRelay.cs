using System.Text.Json;
using Choreo.Worker.Functions.Errors;
using Choreo.Worker.Functions.Hosting;
using Choreo.Worker.Runtime.Lambda;
using Choreo.Worker.Runtime.Logging;

namespace Choreo.Worker.Functions.Handlers;

/// <summary>
/// Lambda's on-failure destination record ("Lambda Function Invocation Result - Failure") arrives here after a
/// function crashed through its retries; this answers <c>failed</c> (<see cref="ErrorCodes.Crashed"/>) for the
/// task token of the original event, so no execution waits for its timeout. A record whose original event
/// carries no token is logged and dropped: nothing waits on it.
/// </summary>
public sealed class FailureRelay(TaskFailureReporter failures, JsonLineLogger log) : IFunctionHandler
{
    public async Task<string?> InvokeAsync(string eventJson, InvocationContext context, CancellationToken cancellationToken)
    {
        var record = Read(eventJson);
        if (record is null)
        {
            log.Warn(context.RequestId, "dropped a failure record that is not a Lambda destination record (no JSON detail)");
            return null;
        }
        var (original, function, attempts, condition, errorType, errorMessage) = record.Value;
        var probe = original is { } o ? TaskEventProbe.Read(o) : null;
        if (probe?.TaskToken is null)
        {
            log.Warn(
                context.RequestId,
                $"dropped the failure record of function {function}: its original event has no task token, so no task waits on it",
                ("errorType", errorType), ("errorMessage", errorMessage));
            return null;
        }
        var cause = $"function {function} failed on the {probe.DetailType ?? "unnamed"} event of execution {probe.Execution ?? "unknown"}"
            + $" after {attempts} attempt(s) ({condition}): {errorType}: {errorMessage}";
        await failures.ReportAsync(
            new TaskFailure(probe.TaskToken, probe.Execution, probe.StateName, ErrorCodes.Crashed, cause, probe.Account, probe.Source, probe.DetailType),
            context).ConfigureAwait(false);
        return null;
    }

    private static (string? Original, string Function, string Attempts, string Condition, string ErrorType, string ErrorMessage)? Read(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            if (doc.RootElement.ValueKind != JsonValueKind.Object
                || !doc.RootElement.TryGetProperty("detail", out var detail) || detail.ValueKind != JsonValueKind.Object)
            {
                return null;
            }
            var request = Child(detail, "requestContext");
            var response = Child(detail, "responsePayload");
            var original = detail.TryGetProperty("requestPayload", out var payload) && payload.ValueKind == JsonValueKind.Object
                ? payload.GetRawText()
                : null;
            return (
                original,
                FunctionName(Text(request, "functionArn")),
                request is { } r && r.TryGetProperty("approximateInvokeCount", out var count) ? count.ToString() : "?",
                Text(request, "condition") ?? "unknown condition",
                Text(response, "errorType") ?? "UnknownError",
                Text(response, "errorMessage") ?? "no error message");
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static JsonElement? Child(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var child) && child.ValueKind == JsonValueKind.Object ? child : null;

    private static string? Text(JsonElement? element, string name) =>
        element is { } e && e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>arn:aws:lambda:region:account:function:name[:qualifier] → name; anything else as it is.</summary>
    private static string FunctionName(string? arn)
    {
        if (arn is null)
        {
            return "unknown";
        }
        var parts = arn.Split(':');
        return parts.Length >= 7 && parts[5] == "function" ? parts[6] : arn;
    }
}
