using Amazon.CDK.CXAPI;

namespace Pipeline.Tests;

[Collection(FourAccountPipelineCollection.Name)]
public sealed class StageStackTests(FourAccountPipeline app)
{
    public static TheoryData<string, string, string> Placements() => new()
    {
        { "Dev", "Orchestrator", FourAccountPipeline.DevOrchestrator },
        { "Dev", "Worker", FourAccountPipeline.DevWorker },
        { "Prod", "Orchestrator", FourAccountPipeline.ProdOrchestrator },
        { "Prod", "Worker", FourAccountPipeline.ProdWorker },
        { "Dev", "OrchestratorAccess", FourAccountPipeline.DevOrchestrator },
        { "Dev", "WorkerAccess", FourAccountPipeline.DevWorker },
        { "Prod", "OrchestratorAccess", FourAccountPipeline.ProdOrchestrator },
        { "Prod", "WorkerAccess", FourAccountPipeline.ProdWorker },
    };

    [Theory]
    [MemberData(nameof(Placements))]
    public void Each_stage_stack_targets_its_own_account_and_the_configured_region(string stage, string stack, string account)
    {
        var artifact = StackOf(stage, stack);

        Assert.Equal(account, artifact.Environment.Account);
        Assert.Equal(FourAccountPipeline.Region, artifact.Environment.Region);
    }

    [Theory]
    [InlineData("Dev", "Orchestrator", FourAccountPipeline.DevWorker)]
    [InlineData("Dev", "Worker", FourAccountPipeline.DevOrchestrator)]
    [InlineData("Prod", "Orchestrator", FourAccountPipeline.ProdWorker)]
    [InlineData("Prod", "Worker", FourAccountPipeline.ProdOrchestrator)]
    public void Each_stack_is_told_its_peer_account(string stage, string stack, string peerAccount)
    {
        var template = File.ReadAllText(StackOf(stage, stack).TemplateFullPath);

        Assert.Contains(peerAccount, template);
    }

    [Theory]
    [InlineData("Dev", "Orchestrator", "choreo-smoke-dev-starter", "events:PutEvents")]
    [InlineData("Dev", "Worker", "choreo-smoke-dev-reader", "s3:GetObject")]
    public void The_smoke_roles_trust_only_the_tooling_account(string stage, string stack, string roleName, string action)
    {
        var template = FourAccountPipeline.Read(StackOf(stage, stack).TemplateFullPath);
        var role = app.Resources(template, "AWS::IAM::Role").Single(r => (string?)r["Properties"]!["RoleName"] == roleName);

        Assert.Contains($"arn:\",{{\"Ref\":\"AWS::Partition\"}},\":iam::{FourAccountPipeline.Tooling}:root", role["Properties"]!["AssumeRolePolicyDocument"]!.ToJsonString());
        Assert.Contains(action, template.ToJsonString());
    }

    [Theory]
    [InlineData("Dev", "Orchestrator", "WorkerAccess")]
    [InlineData("Dev", "Worker", "OrchestratorAccess")]
    [InlineData("Prod", "Orchestrator", "WorkerAccess")]
    [InlineData("Prod", "Worker", "OrchestratorAccess")]
    public void Each_cross_account_rule_stack_depends_on_the_stack_holding_the_peer_bus_policy(string stage, string stack, string peerAccess)
    {
        var workflow = StackOf(stage, stack);
        var access = StackOf(stage, peerAccess);

        Assert.Single(app.Resources(FourAccountPipeline.Read(access.TemplateFullPath), "AWS::Events::EventBusPolicy"));
        Assert.Contains(access.Id, workflow.Dependencies.Select(d => d.Id));
    }

    [Theory]
    [InlineData("Dev")]
    [InlineData("Prod")]
    public void Access_stacks_depend_on_no_other_stack(string stage)
    {
        foreach (var access in new[] { StackOf(stage, "OrchestratorAccess"), StackOf(stage, "WorkerAccess") })
        {
            Assert.DoesNotContain(access.Dependencies, d => d is CloudFormationStackArtifact);
        }
    }

    [Fact]
    public void Only_Prod_keeps_its_bucket_when_the_stack_is_deleted()
    {
        string BucketPolicy(string stage) => (string)app.Resources(FourAccountPipeline.Read(StackOf(stage, "Worker").TemplateFullPath), "AWS::S3::Bucket")
            .Single()["DeletionPolicy"]!;

        Assert.Equal("Retain", BucketPolicy("Prod"));
        Assert.Equal("Delete", BucketPolicy("Dev"));
    }

    private CloudFormationStackArtifact StackOf(string stage, string stack) =>
        (stage == "Dev" ? app.DevStacks : app.ProdStacks).Single(s => s.StackName.EndsWith("-" + stack, StringComparison.Ordinal));
}
