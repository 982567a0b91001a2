using Choreo.LocalCloud.Accounts;
using Choreo.LocalCloud.CloudFormation.Assembly;
using Choreo.LocalCloud.CloudFormation.Resources;

namespace LocalCloud.Tests.CloudFormation;

/// <summary>A hand-made cdk.out: a top-level pipeline stack and a nested <c>assembly-Dev</c> stage with a Lambda asset.</summary>
public sealed class CloudAssemblyTests : IDisposable
{
    private const string AssetHash = "abc123";
    private readonly string _root = Directory.CreateTempSubdirectory("cfn-assembly-").FullName;

    public CloudAssemblyTests()
    {
        Write("manifest.json", """
            { "version": "36.0.0", "artifacts": {
                "PipelineStack.assets": { "type": "cdk:asset-manifest", "properties": { "file": "PipelineStack.assets.json" } },
                "PipelineStack": { "type": "aws:cloudformation:stack", "environment": "aws://123456789012/us-east-1",
                  "properties": { "templateFile": "PipelineStack.template.json" }, "dependencies": ["PipelineStack.assets"], "displayName": "PipelineStack" },
                "Tree": { "type": "cdk:tree", "properties": { "file": "tree.json" } },
                "assembly-Dev": { "type": "cdk:cloud-assembly", "properties": { "directoryName": "assembly-Dev", "displayName": "Dev" } } } }
            """);
        Write("PipelineStack.template.json", """{ "Resources": { "P": { "Type": "Test::Thing" } } }""");
        Write("PipelineStack.assets.json", """{ "version": "36.0.0", "files": {} }""");
        Write("assembly-Dev/manifest.json", """
            { "version": "36.0.0", "artifacts": {
                "DevWorkerStackABCD1234.assets": { "type": "cdk:asset-manifest", "properties": { "file": "DevWorkerStackABCD1234.assets.json" } },
                "DevWorkerStackABCD1234": { "type": "aws:cloudformation:stack", "environment": "aws://unknown-account/unknown-region",
                  "properties": { "templateFile": "DevWorkerStackABCD1234.template.json", "stackName": "Dev-WorkerStack" },
                  "dependencies": ["DevWorkerStackABCD1234.assets"], "displayName": "Dev/WorkerStack" },
                "DevOrchestratorStack99": { "type": "aws:cloudformation:stack", "environment": "aws://333333333333/eu-west-1",
                  "properties": { "templateFile": "DevOrchestratorStack99.template.json", "stackName": "Dev-OrchestratorStack" },
                  "dependencies": ["DevWorkerStackABCD1234"], "displayName": "Dev/OrchestratorStack" } } }
            """);
        Write("assembly-Dev/DevWorkerStackABCD1234.assets.json", $$"""
            { "version": "36.0.0", "files": { "{{AssetHash}}": {
                "source": { "path": "../asset.{{AssetHash}}", "packaging": "zip" },
                "destinations": { "current_account-current_region": {
                  "bucketName": "cdk-hnb659fds-assets-${AWS::AccountId}-${AWS::Region}", "objectKey": "{{AssetHash}}.zip" } } } } }
            """);
        Write("assembly-Dev/DevWorkerStackABCD1234.template.json", $$"""
            { "Resources": {
                "Fn": { "Type": "Test::Thing", "Properties": {
                  "Code": { "S3Bucket": { "Fn::Sub": "cdk-hnb659fds-assets-${AWS::AccountId}-${AWS::Region}" }, "S3Key": "{{AssetHash}}.zip" } },
                  "Metadata": { "aws:asset:path": "../asset.{{AssetHash}}", "aws:asset:property": "Code" } },
                "Plain": { "Type": "Test::Other", "Properties": { "Name": "no asset" } },
                "ByMetadata": { "Type": "Test::Other", "Properties": { "Code": { "S3Bucket": "b", "S3Key": "unknown.zip" } },
                  "Metadata": { "aws:asset:path": "../asset.{{AssetHash}}/bootstrap" } } } }
            """);
        Write("assembly-Dev/DevOrchestratorStack99.template.json", """{ "Resources": { "O": { "Type": "Test::Thing" } } }""");
        Write($"asset.{AssetHash}/bootstrap", "#!/bin/sh");
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Stacks_of_nested_stage_assemblies_are_listed_with_their_paths_names_and_environments()
    {
        var assembly = CloudAssembly.Load(_root);

        Assert.Equal(["PipelineStack", "Dev/WorkerStack", "Dev/OrchestratorStack"], assembly.Stacks.Select(s => s.Address));
        var worker = assembly.Stacks[1];
        Assert.Equal(("Dev-WorkerStack", "DevWorkerStackABCD1234", "unknown-account", "unknown-region"),
            (worker.StackName, worker.ArtifactId, worker.ManifestAccount, worker.ManifestRegion));
        Assert.Equal(Path.Combine(_root, "assembly-Dev"), worker.AssemblyDirectory);
        Assert.Equal(("333333333333", "eu-west-1"), (assembly.Stacks[2].ManifestAccount, assembly.Stacks[2].ManifestRegion));
    }

    [Theory]
    [InlineData("Dev/WorkerStack")]
    [InlineData("DevWorkerStackABCD1234")]
    [InlineData("Dev-WorkerStack")]
    [InlineData("WorkerStack")]
    public void A_stack_is_found_by_path_artifact_id_stack_name_or_unique_path_suffix(string address) =>
        Assert.Equal("Dev-WorkerStack", CloudAssembly.Load(_root).FindStack(address).StackName);

    [Fact]
    public void An_unknown_stack_address_lists_the_stacks_there_are()
    {
        var error = Assert.Throws<CloudAssemblyException>(() => CloudAssembly.Load(_root).FindStack("Prod/WorkerStack"));

        Assert.Contains("No stack 'Prod/WorkerStack'", error.Message);
        Assert.Contains("stacks: PipelineStack, Dev/WorkerStack, Dev/OrchestratorStack", error.Message);
    }

    [Fact]
    public void A_folder_without_a_manifest_is_a_clear_error()
    {
        var error = Assert.Throws<CloudAssemblyException>(() => CloudAssembly.Load(Path.Combine(_root, "asset." + AssetHash)));

        Assert.StartsWith("Cannot read cloud assembly manifest:", error.Message);
    }

    [Fact]
    public async Task Deploying_a_stage_stack_resolves_its_lambda_asset_to_the_local_directory_in_the_chosen_account()
    {
        var harness = new DeployerHarness();
        var assembly = CloudAssembly.Load(_root);

        var stack = await harness.Deployer.DeployAsync(assembly.FindStack("Dev/WorkerStack"), new AccountContext("222222222222", "us-east-1"));

        Assert.Equal(("Dev-WorkerStack", "222222222222"), (stack.StackName, stack.Account.AccountId));
        var function = harness.Things.Requests.Single(r => r.LogicalId == "Fn");
        Assert.Equal(new LocalAsset(Path.Combine(_root, "asset." + AssetHash), "zip"), LocalAsset.From(function));
        Assert.Equal("cdk-hnb659fds-assets-222222222222-us-east-1", function.Properties["Code"]!["S3Bucket"]!.GetValue<string>());
        Assert.Equal(Path.Combine(_root, "assembly-Dev"), function.AssemblyDirectory);
        Assert.Null(LocalAsset.From(harness.Others.Requests.Single(r => r.LogicalId == "Plain")));
        Assert.Equal(new LocalAsset(Path.Combine(_root, "asset." + AssetHash, "bootstrap"), "file"),
            LocalAsset.From(harness.Others.Requests.Single(r => r.LogicalId == "ByMetadata")));
    }

    [Fact]
    public async Task A_missing_asset_directory_fails_the_resource_that_needs_it()
    {
        Directory.Delete(Path.Combine(_root, "asset." + AssetHash), recursive: true);
        var harness = new DeployerHarness();

        var error = await Assert.ThrowsAsync<Choreo.LocalCloud.CloudFormation.Deployment.StackDeploymentException>(() =>
            harness.Deployer.DeployAsync(CloudAssembly.Load(_root).FindStack("Dev/WorkerStack"), new AccountContext("222222222222", "us-east-1")));

        Assert.Equal("Fn", error.LogicalId);
        Assert.Contains("Asset of resource Fn is missing", error.Message);
    }

    private void Write(string relative, string content)
    {
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }
}
