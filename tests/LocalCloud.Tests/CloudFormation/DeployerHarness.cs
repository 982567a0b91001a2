using System.Text.Json.Nodes;
using Choreo.LocalCloud.Accounts;
using Choreo.LocalCloud.CloudFormation.Deployment;
using Choreo.LocalCloud.CloudFormation.Resources;
using Choreo.LocalCloud.CloudFormation.Stacks;

namespace LocalCloud.Tests.CloudFormation;

/// <summary>A deployer with recording providers for <c>Test::Thing</c> and <c>Test::Other</c>.</summary>
internal sealed class DeployerHarness
{
    public static readonly AccountContext Orchestrator = new("111111111111", "eu-west-1");

    public DeployerHarness(params IResourceProvider[] extraProviders)
    {
        Deployer = new StackDeployer(new ResourceProviderRegistry([Things, Others, .. extraProviders]), Stacks);
    }

    public RecordingProvider Things { get; } = new("Test::Thing");

    public RecordingProvider Others { get; } = new("Test::Other");

    public StackRegistry Stacks { get; } = new();

    public StackDeployer Deployer { get; }

    public Task<DeployedStack> DeployAsync(string templateJson, string stackName = "TestStack", DeployOptions? options = null, AccountContext? account = null) =>
        Deployer.DeployAsync(new StackDeployment(stackName, JsonNode.Parse(templateJson)!.AsObject(), account ?? Orchestrator, "/tmp", null, options));

    public async Task<string> FailureOfAsync(string templateJson, string stackName = "TestStack", DeployOptions? options = null) =>
        (await Assert.ThrowsAsync<StackDeploymentException>(() => DeployAsync(templateJson, stackName, options))).Message;
}
