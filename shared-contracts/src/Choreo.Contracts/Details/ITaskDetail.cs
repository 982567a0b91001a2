namespace Choreo.Contracts.Details;

/// <summary>A detail that carries a Step Functions task token back to the state machine that waits for it.</summary>
public interface ITaskDetail
{
    string TaskToken { get; }
    string Execution { get; }
}
