using Choreo.LocalCloud.Services;

namespace Choreo.LocalCloud.Composition;

/// <summary>Step Functions needs Lambda and Lambda's destinations need EventBridge: this breaks the construction cycle.</summary>
internal sealed class DeferredLambdaInvoker(Func<ILambdaInvoker> lambda) : ILambdaInvoker
{
    public Task<LambdaInvokeResult> InvokeAsync(string functionArn, string payload, LambdaInvocationType invocationType, CancellationToken cancellationToken) =>
        lambda().InvokeAsync(functionArn, payload, invocationType, cancellationToken);
}
