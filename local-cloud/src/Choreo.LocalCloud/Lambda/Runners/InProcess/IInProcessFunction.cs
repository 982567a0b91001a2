using Choreo.LocalCloud.Lambda.Runners;

namespace Choreo.LocalCloud.Lambda.Runners.InProcess;

/// <summary>A handler called directly in this process. An unhandled error is thrown, as the runtime would report it.</summary>
public interface IInProcessFunction
{
    Task<string?> InvokeAsync(string eventJson, LambdaInvocationContext context, CancellationToken cancellationToken);
}
