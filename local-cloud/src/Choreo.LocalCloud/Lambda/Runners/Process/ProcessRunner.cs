using System.Collections.Concurrent;
using Choreo.LocalCloud.Lambda.Model;

namespace Choreo.LocalCloud.Lambda.Runners.Process;

/// <summary>
/// Runs the real <c>bootstrap</c> from the function's asset directory, exactly the artifact AWS runs.
/// Environments are started on demand and kept warm; one that times out is killed, as Lambda does.
/// </summary>
public sealed class ProcessRunner(Action<string?, string> log) : IFunctionRunner
{
    private readonly ConcurrentDictionary<string, ConcurrentBag<ExecutionEnvironment>> _idle = new(StringComparer.Ordinal);
    private readonly ConcurrentBag<ExecutionEnvironment> _all = [];

    public async Task<FunctionOutcome> RunAsync(LambdaFunction function, IReadOnlyDictionary<string, string> environment, string payload, LambdaInvocationContext context, CancellationToken cancellationToken)
    {
        var idle = _idle.GetOrAdd(function.Arn, _ => []);
        ExecutionEnvironment? instance = null;
        while (idle.TryTake(out var candidate))
        {
            if (!candidate.HasExited)
            {
                instance = candidate;
                break;
            }
            await candidate.DisposeAsync().ConfigureAwait(false);
        }
        if (instance is null)
        {
            try
            {
                instance = await ExecutionEnvironment.StartAsync(function, environment, log, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is FileNotFoundException or System.ComponentModel.Win32Exception or InvalidOperationException)
            {
                return FunctionOutcome.Failure("Runtime.InvalidEntrypoint", e.Message);
            }
            _all.Add(instance);
        }

        try
        {
            var outcome = await instance.InvokeAsync(payload, context, cancellationToken).ConfigureAwait(false);
            if (!instance.HasExited)
            {
                idle.Add(instance);
            }
            return outcome;
        }
        catch (OperationCanceledException)
        {
            await instance.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var instance in _all)
        {
            await instance.DisposeAsync().ConfigureAwait(false);
        }
        _idle.Clear();
    }
}
