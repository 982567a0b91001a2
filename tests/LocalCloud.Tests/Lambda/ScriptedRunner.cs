using Choreo.LocalCloud.Lambda.Model;
using Choreo.LocalCloud.Lambda.Runners;

namespace LocalCloud.Tests.Lambda;

/// <summary>A runner whose behaviour each test scripts; counts runs and how many ran at once.</summary>
internal sealed class ScriptedRunner(Func<string, LambdaInvocationContext, CancellationToken, Task<FunctionOutcome>> run) : IFunctionRunner
{
    private int _running;
    private int _mostAtOnce;
    private int _runs;

    public int Runs => Volatile.Read(ref _runs);

    public int Running => Volatile.Read(ref _running);

    public int MostAtOnce => Volatile.Read(ref _mostAtOnce);

    public async Task<FunctionOutcome> RunAsync(LambdaFunction function, IReadOnlyDictionary<string, string> environment, string payload, LambdaInvocationContext context, CancellationToken cancellationToken)
    {
        var now = Interlocked.Increment(ref _running);
        int most;
        while (now > (most = Volatile.Read(ref _mostAtOnce)) && Interlocked.CompareExchange(ref _mostAtOnce, now, most) != most)
        {
        }
        try
        {
            return await run(payload, context, cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref _running);
            Interlocked.Increment(ref _runs);
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
