using Choreo.LocalCloud.Lambda.Runners;
using Choreo.LocalCloud.Lambda.Runners.InProcess;
using Choreo.Worker.Functions.Hosting;

namespace Choreo.Cli.Functions;

/// <summary>One worker function called directly, with the invocation context Lambda would give the bootstrap.</summary>
internal sealed class InProcessWorkerFunction(HostedFunction function) : IInProcessFunction, IDisposable
{
    public Task<string?> InvokeAsync(string eventJson, LambdaInvocationContext context, CancellationToken cancellationToken) =>
        function.InvokeAsync(
            eventJson,
            new Worker.Runtime.Lambda.InvocationContext(context.RequestId, context.FunctionArn, context.FunctionName, context.Deadline, context.TraceId),
            cancellationToken);

    public void Dispose() => function.Dispose();
}
