namespace Choreo.LocalCloud.Services;

/// <summary>Starts executions: the EventBridge StartExecution target calls this; Step Functions implements it.</summary>
public interface IStateMachineStarter
{
    /// <summary>Starts an execution of <paramref name="stateMachineArn"/> and returns its execution ARN.</summary>
    Task<string> StartExecutionAsync(string stateMachineArn, string input, string? name, CancellationToken cancellationToken);
}
