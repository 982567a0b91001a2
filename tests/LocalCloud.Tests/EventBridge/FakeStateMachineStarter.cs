using System.Collections.Concurrent;
using Choreo.LocalCloud.Services;

namespace LocalCloud.Tests.EventBridge;

/// <summary>Records StartExecution calls and returns a made-up execution ARN.</summary>
public sealed class FakeStateMachineStarter : IStateMachineStarter
{
    public ConcurrentQueue<(string StateMachineArn, string Input)> Starts { get; } = new();

    public Task<string> StartExecutionAsync(string stateMachineArn, string input, string? name, CancellationToken cancellationToken)
    {
        Starts.Enqueue((stateMachineArn, input));
        return Task.FromResult($"{stateMachineArn.Replace(":stateMachine:", ":execution:", StringComparison.Ordinal)}:{Guid.NewGuid()}");
    }
}
