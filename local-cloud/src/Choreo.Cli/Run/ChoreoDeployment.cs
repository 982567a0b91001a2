using Choreo.LocalCloud.Accounts;
using Choreo.LocalCloud.CloudFormation.Stacks;

namespace Choreo.Cli.Run;

/// <summary>The Dev stage deployed into two local accounts, and the handles a run needs from their outputs.</summary>
public sealed record ChoreoDeployment(
    DeployedStack Orchestrator,
    DeployedStack Worker,
    AccountContext OrchestratorAccount,
    AccountContext WorkerAccount)
{
    public string MainStateMachineArn => Orchestrator.Output("MainStateMachineArn");
    public string TaskFinisherArn => Orchestrator.Output("TaskFinisherArn");
    public string OrchestratorBusArn => Orchestrator.Output("BusArn");
    public string BucketName => Worker.Output("BucketName");
    public string SideEffectDeadLettersUrl => Worker.Output("SideEffectDeadLettersUrl");
}
