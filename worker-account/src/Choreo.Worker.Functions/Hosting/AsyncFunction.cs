using System.Text.Json.Serialization.Metadata;
using Choreo.Contracts.Details;
using Choreo.Contracts.Wire;
using Choreo.Worker.Functions.Handlers;
using Choreo.Worker.Runtime.Lambda;
using Choreo.Worker.Runtime.Logging;

namespace Choreo.Worker.Functions.Hosting;

/// <summary>
/// Runs a handler that is off the workflow's path (the article's asynchronous side effect). Its event may carry
/// a task token, but that token belongs to the step the side effect runs beside, so a failure never becomes a
/// <c>failed</c> event: it is logged and rethrown, Lambda retries the invocation, and after the last retry the
/// on-failure record goes to the side-effect dead-letter queue.
/// </summary>
public sealed class AsyncFunction<TDetail>(
    ITaskHandler<TDetail> handler,
    JsonTypeInfo<EventEnvelope<TDetail>> eventType,
    JsonLineLogger log) : IFunctionHandler
    where TDetail : ITaskDetail
{
    public async Task<string?> InvokeAsync(string eventJson, InvocationContext context, CancellationToken cancellationToken)
    {
        try
        {
            var input = ContractParser.ParseEvent(eventJson, eventType);
            await handler.HandleAsync(input, context, cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (Exception e)
        {
            log.Error(
                context.RequestId,
                "side effect failed; rethrowing for Lambda's retries and the side-effect dead-letter queue (the workflow is not affected)",
                ("error", e.GetType().Name), ("problem", e.Message));
            throw;
        }
    }
}
