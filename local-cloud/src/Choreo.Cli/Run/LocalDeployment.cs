using Choreo.LocalCloud.Accounts;
using Choreo.LocalCloud.CloudFormation.Assembly;
using Choreo.LocalCloud.Composition;

namespace Choreo.Cli.Run;

/// <summary>
/// Deploys the Dev stage of the synthesized app as the pipeline would, but into local accounts:
/// the worker stack into the worker account, the orchestrator stack into the orchestrator account.
/// </summary>
public static class LocalDeployment
{
    public const string OrchestratorAccountId = "111111111111";
    public const string WorkerAccountId = "222222222222";
    public const string Stage = "Dev";

    public static async Task<ChoreoDeployment> DeployDevStageAsync(LocalCloudInstance cloud, string cloudAssemblyDirectory, CancellationToken cancellationToken)
    {
        var assembly = CloudAssembly.Load(cloudAssemblyDirectory);
        var orchestratorAccount = new AccountContext(OrchestratorAccountId, AccountContext.DefaultRegion);
        var workerAccount = new AccountContext(WorkerAccountId, AccountContext.DefaultRegion);
        var worker = await cloud.DeployAsync(assembly.FindStack($"{Stage}/Worker"), workerAccount, cancellationToken).ConfigureAwait(false);
        var orchestrator = await cloud.DeployAsync(assembly.FindStack($"{Stage}/Orchestrator"), orchestratorAccount, cancellationToken).ConfigureAwait(false);
        return new ChoreoDeployment(orchestrator, worker, orchestratorAccount, workerAccount);
    }
}
