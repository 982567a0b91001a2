using Choreo.Contracts.Accounts;
using Choreo.LocalCloud.Accounts;
using Choreo.LocalCloud.CloudFormation.Assembly;
using Choreo.LocalCloud.CloudFormation.Stacks;
using Choreo.LocalCloud.Composition;

namespace Choreo.Cli.Run;

/// <summary>
/// Deploys the Dev stage of the synthesized app as the pipeline would, into local accounts: every stack into
/// the account its manifest names (the app's fake local accounts), wave by wave in the order of the cloud
/// assembly's dependencies (<see cref="DeploymentWaves"/>), never from a hard-coded list.
/// </summary>
public static class LocalDeployment
{
    public const string OrchestratorAccountId = "111111111111";
    public const string WorkerAccountId = "222222222222";
    public const string Stage = "Dev";

    /// <summary>The workflow stacks whose outputs a run needs, by construct id within the stage.</summary>
    private const string OrchestratorStackId = "Orchestrator";
    private const string WorkerStackId = "Worker";

    public static async Task<ChoreoDeployment> DeployDevStageAsync(
        LocalCloudInstance cloud, string cloudAssemblyDirectory, CancellationToken cancellationToken, Action<string>? status = null)
    {
        var assembly = CloudAssembly.Load(cloudAssemblyDirectory);
        var deployed = new Dictionary<string, (DeployedStack Stack, AccountContext Account)>(StringComparer.Ordinal);
        var waves = DeploymentWaves.Of(assembly, Stage);
        for (var index = 0; index < waves.Count; index++)
        {
            foreach (var stack in waves[index])
            {
                var account = AccountOf(stack);
                deployed[DeploymentWaves.IdOf(stack)] = (await cloud.DeployAsync(stack, account, cancellationToken).ConfigureAwait(false), account);
            }
            status?.Invoke($"deployed wave {index + 1} of {waves.Count}: {string.Join(", ", waves[index].Select(s => $"{s.StackName} into {AccountOf(s).AccountId}"))}");
        }

        var (orchestrator, orchestratorAccount) = Deployed(deployed, OrchestratorStackId);
        var (worker, workerAccount) = Deployed(deployed, WorkerStackId);
        return new ChoreoDeployment(orchestrator, worker, orchestratorAccount, workerAccount);
    }

    private static AccountContext AccountOf(AssemblyStack stack)
    {
        if (!AwsAccountId.IsValid(stack.ManifestAccount))
        {
            throw new CloudAssemblyException(
                $"Stack {stack.Address} names no account ('{stack.ManifestAccount}'); synthesize the app with its local accounts to deploy it locally");
        }
        var region = stack.ManifestRegion.StartsWith("unknown-", StringComparison.Ordinal) ? AccountContext.DefaultRegion : stack.ManifestRegion;
        return new AccountContext(stack.ManifestAccount, region);
    }

    private static (DeployedStack Stack, AccountContext Account) Deployed(
        Dictionary<string, (DeployedStack Stack, AccountContext Account)> deployed, string id) =>
        deployed.TryGetValue(id, out var found)
            ? found
            : throw new CloudAssemblyException(
                $"Stage '{Stage}' has no stack '{id}'; deployed: {string.Join(", ", deployed.Keys)}");
}
