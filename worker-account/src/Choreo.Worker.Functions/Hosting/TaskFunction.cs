using System.Text.Json.Serialization.Metadata;
using Choreo.Contracts.Details;
using Choreo.Contracts.Wire;
using Choreo.Worker.Functions.Errors;
using Choreo.Worker.Functions.Handlers;
using Choreo.Worker.Functions.Storage;
using Choreo.Worker.Runtime.Events;
using Choreo.Worker.Runtime.Lambda;
using Choreo.Worker.Runtime.Logging;

namespace Choreo.Worker.Functions.Hosting;

/// <summary>
/// Runs a handler for one contract event as a Lambda function: parses the event with the contracts and turns
/// every failure into a <c>failed</c> event for its task token. Only an event with no token to fail (or a
/// <c>failed</c> event that cannot be put on the bus) makes the invocation throw, so Lambda's retries and
/// failure destination see it.
/// </summary>
public sealed class TaskFunction<TDetail>(
    ITaskHandler<TDetail> handler,
    JsonTypeInfo<EventEnvelope<TDetail>> eventType,
    TaskFailureReporter failures,
    JsonLineLogger log) : IFunctionHandler
    where TDetail : ITaskDetail
{
    public async Task<string?> InvokeAsync(string eventJson, InvocationContext context, CancellationToken cancellationToken)
    {
        EventEnvelope<TDetail> input;
        try
        {
            input = ContractParser.ParseEvent(eventJson, eventType);
        }
        catch (ContractViolationException e)
        {
            var probe = TaskEventProbe.Read(eventJson);
            if (probe.TaskToken is null)
            {
                log.Error(
                    context.RequestId,
                    $"{ErrorCodes.InvalidInput}: the event has no task token, so no task can be failed; rethrowing for Lambda's retries and failure destination",
                    ("problem", e.Message));
                throw;
            }
            var cause = $"the {probe.DetailType ?? "unnamed"} event for execution {probe.Execution ?? "unknown"} does not fit its contract: {e.Field} {e.Problem}";
            await failures.ReportAsync(
                new TaskFailure(probe.TaskToken, probe.Execution, probe.StateName, ErrorCodes.InvalidInput, cause, probe.Account, probe.Source, probe.DetailType),
                context).ConfigureAwait(false);
            return null;
        }

        try
        {
            await handler.HandleAsync(input, context, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            var (code, cause) = Describe(e, input.Detail.Execution, cancellationToken);
            await failures.ReportAsync(
                new TaskFailure(
                    input.Detail.TaskToken, input.Detail.Execution, StateNameOf(input.Detail), code, cause,
                    input.Account, input.Source, input.DetailType, code == ErrorCodes.Unexpected ? e.ToString() : null),
                context).ConfigureAwait(false);
        }
        return null;
    }

    private static (string Code, string Cause) Describe(Exception e, string execution, CancellationToken cancellationToken) => e switch
    {
        WorkerFailure f => (f.Code, f.Cause),
        ObjectStoreException s => (ErrorCodes.StorageFailed, $"{s.Operation} of s3://{s.Bucket}/{s.Key} for execution {execution} failed: {s.ErrorCode}: {s.InnerException?.Message ?? s.Message}"),
        PutEventsFailedException p => (ErrorCodes.PublishFailed, $"putting this step's event for execution {execution} on the bus failed: {p.ErrorCode}: {p.Message}"),
        OperationCanceledException when cancellationToken.IsCancellationRequested => (ErrorCodes.TimedOut, $"the step for execution {execution} ran past the function's deadline"),
        _ => (ErrorCodes.Unexpected, $"the step for execution {execution} failed: {e.GetType().Name}: {e.Message}"),
    };

    private static string? StateNameOf(TDetail detail) => detail switch
    {
        GetUsers d => d.StateName,
        GetUserProfile d => d.StateName,
        GetUserCookies d => d.StateName,
        GenerateReport d => d.StateName,
        _ => null,
    };
}
