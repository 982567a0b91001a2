using System.Collections.Concurrent;
using Choreo.LocalCloud.Hosting;
using Choreo.LocalCloud.Services;

namespace LocalCloud.Tests.EventBridge;

/// <summary>Records invocations; functions listed in <see cref="Failing"/> throw a retriable service error.</summary>
public sealed class FakeLambdaInvoker : ILambdaInvoker
{
    public ConcurrentQueue<(string FunctionArn, string Payload, LambdaInvocationType Type)> Invocations { get; } = new();
    public ConcurrentDictionary<string, bool> Failing { get; } = new();

    public Task<LambdaInvokeResult> InvokeAsync(string functionArn, string payload, LambdaInvocationType invocationType, CancellationToken cancellationToken)
    {
        Invocations.Enqueue((functionArn, payload, invocationType));
        if (Failing.ContainsKey(functionArn))
        {
            throw new AwsServiceException("ServiceException", $"Function {functionArn} is unavailable.", 500);
        }
        return Task.FromResult(new LambdaInvokeResult(202, null, null));
    }
}
