using Choreo.LocalCloud.Lambda.Model;

namespace Choreo.LocalCloud.Lambda.Runners;

/// <summary>Runs a function's code for one invocation: in-process, or as the real bootstrap process.</summary>
public interface IFunctionRunner : IAsyncDisposable
{
    /// <summary>
    /// Runs one invocation. Cancellation means the invocation timed out: the runner ends it (a process
    /// is killed) and returns or throws promptly.
    /// </summary>
    Task<FunctionOutcome> RunAsync(LambdaFunction function, IReadOnlyDictionary<string, string> environment, string payload, LambdaInvocationContext context, CancellationToken cancellationToken);
}
