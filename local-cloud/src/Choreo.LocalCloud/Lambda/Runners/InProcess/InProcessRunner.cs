using System.Collections.Concurrent;
using Choreo.LocalCloud.Lambda.Model;

namespace Choreo.LocalCloud.Lambda.Runners.InProcess;

/// <summary>
/// Runs handlers in this process: one instance per function, created on first use (its cold start) and
/// reused, as a warm Lambda environment reuses its clients.
/// </summary>
public sealed class InProcessRunner(IInProcessFunctionFactory factory, Action<string?, string> log) : IFunctionRunner
{
    private readonly ConcurrentDictionary<string, Lazy<IInProcessFunction>> _instances = new(StringComparer.Ordinal);

    public async Task<FunctionOutcome> RunAsync(LambdaFunction function, IReadOnlyDictionary<string, string> environment, string payload, LambdaInvocationContext context, CancellationToken cancellationToken)
    {
        IInProcessFunction instance;
        try
        {
            instance = _instances.GetOrAdd(function.Arn, _ => new Lazy<IInProcessFunction>(() => factory.Create(function.Handler, environment, log))).Value;
        }
        catch (Exception e)
        {
            _instances.TryRemove(function.Arn, out _);
            return FunctionOutcome.Failure("Runtime.InitError", e.Message);
        }
        try
        {
            var response = await instance.InvokeAsync(payload, context, cancellationToken).ConfigureAwait(false);
            return FunctionOutcome.Success(response);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            return FunctionOutcome.Failure(e.GetType().Name, e.Message);
        }
    }

    public ValueTask DisposeAsync()
    {
        foreach (var instance in _instances.Values.Where(i => i.IsValueCreated))
        {
            (instance.Value as IDisposable)?.Dispose();
        }
        _instances.Clear();
        return ValueTask.CompletedTask;
    }
}
