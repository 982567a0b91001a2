namespace Choreo.LocalCloud.Services;

/// <summary>Invokes functions: EventBridge Lambda targets and Step Functions lambda:invoke call this; the Lambda service implements it.</summary>
public interface ILambdaInvoker
{
    Task<LambdaInvokeResult> InvokeAsync(string functionArn, string payload, LambdaInvocationType invocationType, CancellationToken cancellationToken);
}
