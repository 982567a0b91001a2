using Choreo.Contracts;
using Choreo.Contracts.Details;
using Choreo.Contracts.Wire;
using Choreo.Worker.Functions.Errors;
using Choreo.Worker.Functions.Publishing;
using Choreo.Worker.Runtime.Lambda;
using Choreo.Worker.Runtime.Logging;

namespace Choreo.Worker.Functions.Hosting;

/// <summary>
/// Sends <c>failed</c> for a task token, so the waiting execution fails fast and says why. A cause too long for
/// SendTaskFailure is cut, and its full text is logged with the request id first.
/// </summary>
public sealed class TaskFailureReporter(WorkerEvents events, JsonLineLogger log)
{
    public async Task ReportAsync(TaskFailure failure, InvocationContext context)
    {
        var execution = failure.Execution ?? "unknown";
        var cause = FailedCause.Fit(failure.Cause, context.RequestId);
        if (FailedCause.NeedsTruncation(failure.Cause))
        {
            log.Error(context.RequestId, $"{failure.Code}: the cause is longer than Step Functions accepts; full text here", ("execution", execution), ("cause", failure.Cause));
        }
        log.Error(context.RequestId, $"{failure.Code}: {cause}", ("execution", execution), ("stackTrace", failure.StackTrace));
        var failed = new Failed(
            failure.TaskToken, execution, failure.Code, cause, failure.StateName,
            Meta.For(failure.Account, failure.Source, failure.DetailType, DetailTypes.Failed, context.FunctionName, execution));
        // The invocation's own token may already be cancelled (deadline); the answer must still go out.
        await events.EmitAsync(DetailTypes.Failed, failed, ContractsJsonContext.Default.Failed, CancellationToken.None).ConfigureAwait(false);
    }
}
