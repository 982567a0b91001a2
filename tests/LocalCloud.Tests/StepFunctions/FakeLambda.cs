using Choreo.LocalCloud.Services;

namespace LocalCloud.Tests.StepFunctions;

/// <summary>A Lambda that answers with a fixed result and records payloads.</summary>
public sealed class FakeLambda(LambdaInvokeResult result) : ILambdaInvoker
{
    public List<(string FunctionArn, string Payload)> Calls { get; } = [];

    public Task<LambdaInvokeResult> InvokeAsync(string functionArn, string payload, LambdaInvocationType invocationType, CancellationToken cancellationToken)
    {
        Calls.Add((functionArn, payload));
        return Task.FromResult(result);
    }
}
