using Choreo.Worker.Runtime.Logging;

namespace Choreo.Worker.Runtime.Lambda;

/// <summary>
/// The custom runtime's event loop: fetch the next event, run the function with a deadline, report its
/// response or its error, repeat. Clients live as long as the process, so warm invocations reuse them.
/// </summary>
public sealed class LambdaRuntimeLoop(RuntimeApiClient api, JsonLineLogger log, TimeProvider clock)
{
    /// <summary>The variable AWS documents for the X-Ray trace id of the current invocation.</summary>
    public const string TraceIdVariable = "_X_AMZN_TRACE_ID";

    /// <summary>
    /// Runs until <paramref name="cancellationToken"/> fires, then returns (whether it was waiting for the
    /// next event or between events: one contract for the host); a broken Runtime API ends the process
    /// with an exception.
    /// </summary>
    public async Task RunAsync(IFunctionHandler handler, CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var next = await api.NextAsync(cancellationToken).ConfigureAwait(false);
                await InvokeOnceAsync(handler, next, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping is not a failure.
        }
    }

    /// <summary>Reports a failure to start (unknown handler, missing configuration) before any event is fetched.</summary>
    public async Task ReportInitErrorAsync(Exception exception, CancellationToken cancellationToken)
    {
        log.Error(null, $"init failed: {exception.Message}", ("errorType", exception.GetType().Name));
        await api.ReportInitErrorAsync(RuntimeError.From(exception), cancellationToken).ConfigureAwait(false);
    }

    private async Task InvokeOnceAsync(IFunctionHandler handler, NextInvocation next, CancellationToken cancellationToken)
    {
        var context = next.Context;
        Environment.SetEnvironmentVariable(TraceIdVariable, context.TraceId);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var remaining = context.Deadline - clock.GetUtcNow();
        deadline.CancelAfter(remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero);
        string? response;
        try
        {
            response = await handler.InvokeAsync(next.Payload, context, deadline.Token).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            log.Error(context.RequestId, $"invocation failed: {e.Message}", ("errorType", e.GetType().Name));
            await api.ReportInvocationErrorAsync(context.RequestId, RuntimeError.From(e), cancellationToken).ConfigureAwait(false);
            return;
        }
        await api.RespondAsync(context.RequestId, response, cancellationToken).ConfigureAwait(false);
    }
}
