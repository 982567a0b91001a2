using System.Text.Json.Nodes;

namespace Choreo.LocalCloud.StepFunctions.Execution;

/// <summary>A task waiting for SendTaskSuccess / SendTaskFailure, and its heartbeats.</summary>
public sealed class PendingTaskToken(string token, string accountId, string executionArn)
{
    private TaskCompletionSource _heartbeat = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Token { get; } = token;

    public string AccountId { get; } = accountId;

    public string ExecutionArn { get; } = executionArn;

    /// <summary>Completes with the task output, or faults with a <see cref="StatesFailure"/>.</summary>
    public TaskCompletionSource<JsonNode?> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes at the next heartbeat.</summary>
    public Task NextHeartbeat => Volatile.Read(ref _heartbeat).Task;

    public void Beat() => Interlocked.Exchange(ref _heartbeat, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
}
