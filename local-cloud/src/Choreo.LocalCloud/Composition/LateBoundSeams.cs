using Choreo.LocalCloud.Services;

namespace Choreo.LocalCloud.Composition;

/// <summary>
/// The one way the composition root breaks its construction cycles: EventBridge delivers to Lambda and Step Functions,
/// Step Functions invokes Lambda, and Lambda's destinations publish to EventBridge. Services built early receive these
/// seams; <see cref="Bind"/> points them at Lambda and Step Functions once those exist, before anything is served.
/// </summary>
internal sealed class LateBoundSeams : ILambdaInvoker, IStateMachineStarter
{
    private ILambdaInvoker? _lambda;
    private IStateMachineStarter? _stateMachines;

    public void Bind(ILambdaInvoker lambda, IStateMachineStarter stateMachines)
    {
        _lambda = lambda;
        _stateMachines = stateMachines;
    }

    public Task<LambdaInvokeResult> InvokeAsync(string functionArn, string payload, LambdaInvocationType invocationType, CancellationToken cancellationToken) =>
        Bound(_lambda).InvokeAsync(functionArn, payload, invocationType, cancellationToken);

    public Task<string> StartExecutionAsync(string stateMachineArn, string input, string? name, CancellationToken cancellationToken) =>
        Bound(_stateMachines).StartExecutionAsync(stateMachineArn, input, name, cancellationToken);

    private static T Bound<T>(T? seam) where T : class =>
        seam ?? throw new InvalidOperationException("local-cloud used a service seam before the composition root bound it");
}
