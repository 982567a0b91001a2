using Choreo.LocalCloud.Lambda.Runners;
using Choreo.LocalCloud.Lambda.Runners.InProcess;

namespace EndToEnd.Tests;

/// <summary>A function whose behaviour a test scripts, given the real one.</summary>
internal sealed class FunctionFault(Func<string, LambdaInvocationContext, CancellationToken, Task<string?>> invoke) : IInProcessFunction
{
    public Task<string?> InvokeAsync(string eventJson, LambdaInvocationContext context, CancellationToken cancellationToken) =>
        invoke(eventJson, context, cancellationToken);
}
