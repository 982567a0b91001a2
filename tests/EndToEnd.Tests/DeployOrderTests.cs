using Choreo.Cli.Run;
using Choreo.LocalCloud.Accounts;
using Choreo.LocalCloud.CloudFormation.Assembly;
using Choreo.LocalCloud.CloudFormation.Deployment;
using Choreo.LocalCloud.Composition;
using Choreo.LocalCloud.Hosting;
using Choreo.LocalCloud.Time;

namespace EndToEnd.Tests;

/// <summary>
/// The synthesized Dev stage deployed out of its waves fails locally with the error AWS gives: a workflow stack whose
/// rule targets the peer account's bus, deployed before the peer's access stack (bus and bus policy), is refused at
/// PutTargets; in the waves' order the same stack deploys.
/// </summary>
[Collection(BuiltChoreoCollection.Name)]
public sealed class DeployOrderTests(BuiltChoreo built)
{
    private static readonly DateTimeOffset Today = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    private static Task<LocalCloudInstance> CloudAsync() => LocalCloudInstance.StartAsync(new LocalCloudInstanceOptions
    {
        Host = new LocalCloudOptions { Port = 0, Clock = new VirtualClock(Today, autoAdvance: false) },
    });

    private IReadOnlyList<IReadOnlyList<AssemblyStack>> DevWaves() =>
        DeploymentWaves.Of(CloudAssembly.Load(built.CloudAssemblyDirectory), LocalDeployment.Stage);

    private static AccountContext AccountOf(AssemblyStack stack) => new(stack.ManifestAccount, AccountContext.DefaultRegion);

    private static AssemblyStack Named(IReadOnlyList<AssemblyStack> stacks, string id) =>
        stacks.Single(stack => DeploymentWaves.IdOf(stack) == id);

    [Fact]
    public async Task The_orchestrator_workflow_before_the_worker_access_stack_fails_with_AccessDenied_on_the_forward_rule()
    {
        var waves = DevWaves();
        var orchestrator = Named([.. waves.SelectMany(wave => wave)], "Orchestrator");
        await using var cloud = await CloudAsync();
        // Only the orchestrator account's first-wave (access) stack: the worker's bus and its policy do not exist yet.
        foreach (var access in waves[0].Where(stack => stack.ManifestAccount == orchestrator.ManifestAccount))
        {
            await cloud.DeployAsync(access, AccountOf(access));
        }

        var failure = await Assert.ThrowsAsync<StackDeploymentException>(() => cloud.DeployAsync(orchestrator, AccountOf(orchestrator)));

        Assert.Equal("AWS::Events::Rule", failure.ResourceType);
        var refusal = Assert.IsType<AwsServiceException>(failure.InnerException);
        Assert.Equal("AccessDeniedException", refusal.ErrorCode);
        Assert.Contains($"on resource: arn:aws:events:{AccountContext.DefaultRegion}:{LocalDeployment.WorkerAccountId}:event-bus/", refusal.Message);
    }

    [Fact]
    public async Task Every_stack_of_the_stage_deploys_in_the_order_of_its_waves_on_today_s_date()
    {
        var stacks = DevWaves().SelectMany(wave => wave).ToList();
        await using var cloud = await CloudAsync();

        foreach (var stack in stacks)
        {
            await cloud.DeployAsync(stack, AccountOf(stack));
        }

        Assert.Equal(stacks.Count, stacks.Select(AccountOf).Distinct().Sum(account => cloud.Stacks.List(account).Count));
    }
}
