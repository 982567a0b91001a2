using System.Text.Json.Nodes;
using Choreo.Pipeline;

namespace Pipeline.Tests;

[Collection(FourAccountPipelineCollection.Name)]
public sealed class PipelineTemplateTests(FourAccountPipeline app)
{
    [Fact]
    public void Stages_run_source_synth_self_mutation_then_Dev_then_Prod()
    {
        var names = app.PipelineStages().Select(s => (string)s!["Name"]!).ToList();

        Assert.Equal("Source", names[0]);
        Assert.Equal("Build", names[1]);
        Assert.True(names.IndexOf("UpdatePipeline") is > 1 and var selfMutation && selfMutation < names.IndexOf("Dev"), string.Join(" → ", names));
        Assert.Equal(["Dev", "Prod"], names.TakeLast(2));
    }

    [Fact]
    public void Prod_deploys_only_after_a_manual_approval()
    {
        var actions = app.ActionsOf("Prod");
        var approval = actions.Single(a => (string?)a!["ActionTypeId"]!["Category"] == "Approval");
        var deploys = actions.Where(a => (string?)a!["ActionTypeId"]!["Provider"] == "CloudFormation").ToList();

        Assert.NotEmpty(deploys);
        Assert.All(deploys, d => Assert.True((int)d!["RunOrder"]! > (int)approval!["RunOrder"]!, $"{d!["Name"]} runs before the approval"));
    }

    [Theory]
    [InlineData("Dev")]
    [InlineData("Prod")]
    public void Each_stage_deploys_both_access_stacks_before_either_workflow_stack(string stage)
    {
        var deploys = app.ActionsOf(stage)
            .Where(a => (string?)a!["ActionTypeId"]!["Provider"] == "CloudFormation" && ((string)a!["Name"]!).EndsWith(".Deploy", StringComparison.Ordinal))
            .ToDictionary(a => ((string)a!["Name"]!)[..^".Deploy".Length], a => (int)a!["RunOrder"]!);
        var prepares = app.ActionsOf(stage)
            .Where(a => ((string)a!["Name"]!).EndsWith(".Prepare", StringComparison.Ordinal))
            .ToDictionary(a => ((string)a!["Name"]!)[..^".Prepare".Length], a => (int)a!["RunOrder"]!);

        Assert.Equal(["Orchestrator", "OrchestratorAccess", "Worker", "WorkerAccess"], deploys.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(deploys["OrchestratorAccess"], deploys["WorkerAccess"]);
        Assert.Equal(deploys["Orchestrator"], deploys["Worker"]);
        // A workflow stack's change set is created only after both access stacks are deployed.
        Assert.True(prepares["Orchestrator"] > deploys["WorkerAccess"] && prepares["Worker"] > deploys["OrchestratorAccess"],
            string.Join(", ", deploys.Concat(prepares).Select(p => $"{p.Key}={p.Value}")));
    }

    [Fact]
    public void Dev_runs_the_smoke_test_after_every_deploy()
    {
        var actions = app.ActionsOf("Dev");
        var deploys = actions.Where(a => (string?)a!["ActionTypeId"]!["Provider"] == "CloudFormation").ToList();
        var smoke = actions.Single(a => ((string)a!["Name"]!).StartsWith("SmokeTest", StringComparison.Ordinal));

        Assert.Contains(deploys, d => d!.ToJsonString().Contains(FourAccountPipeline.DevOrchestrator));
        Assert.Contains(deploys, d => d!.ToJsonString().Contains(FourAccountPipeline.DevWorker));
        Assert.All(deploys, d => Assert.True((int)smoke!["RunOrder"]! > (int)d!["RunOrder"]!));
        Assert.DoesNotContain(app.ActionsOf("Prod"), a => ((string)a!["Name"]!).StartsWith("SmokeTest", StringComparison.Ordinal));
    }

    [Fact]
    public void Artifacts_are_encrypted_with_a_rotating_key_so_other_accounts_can_read_them()
    {
        var key = Assert.Single(app.Resources(app.PipelineTemplate, "AWS::KMS::Key"));
        Assert.True((bool)key["Properties"]!["EnableKeyRotation"]!);

        var bucketEncryption = app.Resources(app.PipelineTemplate, "AWS::S3::Bucket").Single()["Properties"]!["BucketEncryption"]!.ToJsonString();
        Assert.Contains("aws:kms", bucketEncryption);
    }

    [Fact]
    public void Synth_runs_on_the_Amazon_Linux_2023_build_image_and_runs_the_tests_before_cdk_synth()
    {
        var projects = app.Resources(app.PipelineTemplate, "AWS::CodeBuild::Project").ToList();
        var synth = projects.Single(p => ((string)p["Properties"]!["Source"]!["BuildSpec"]!).Contains("npx cdk synth"));

        Assert.Equal(PipelineStack.BuildImageId, (string?)synth["Properties"]!["Environment"]!["Image"]);
        var buildSpec = (string)synth["Properties"]!["Source"]!["BuildSpec"]!;
        Assert.True(buildSpec.IndexOf("scripts/test", StringComparison.Ordinal) < buildSpec.IndexOf("npx cdk synth", StringComparison.Ordinal));
        Assert.Contains("dotnet-install.sh --channel 10.0", buildSpec);
    }

    [Fact]
    public void The_smoke_step_may_only_assume_the_two_smoke_roles_of_Dev()
    {
        var policies = app.Resources(app.PipelineTemplate, "AWS::IAM::Policy")
            .SelectMany(p => p["Properties"]!["PolicyDocument"]!["Statement"]!.AsArray())
            .Where(s => s!["Action"]!.ToJsonString().Contains("sts:AssumeRole") && s!["Resource"]!.ToJsonString().Contains("choreo-smoke"))
            .ToList();

        var statement = Assert.Single(policies);
        Assert.Equal(
            [$"arn:aws:iam::{FourAccountPipeline.DevOrchestrator}:role/choreo-smoke-dev-starter", $"arn:aws:iam::{FourAccountPipeline.DevWorker}:role/choreo-smoke-dev-reader"],
            statement!["Resource"]!.AsArray().Select(r => (string)r!).Order());
    }

    [Fact]
    public void The_smoke_run_is_small_and_fixed()
    {
        var smoke = app.Resources(app.PipelineTemplate, "AWS::CodeBuild::Project")
            .Single(p => p["Properties"]!.ToJsonString().Contains("smoke-test.sh"));
        var variables = smoke["Properties"]!["Environment"]!["EnvironmentVariables"]!.AsArray()
            .ToDictionary(v => (string)v!["Name"]!, v => v!["Value"]!.ToJsonString().Trim('"'));

        Assert.Equal("start", variables["START_DETAIL_TYPE"]);
        Assert.Equal("3", variables["PEOPLE"]);
        Assert.Equal("42", variables["SEED"]);
        Assert.True(int.Parse(variables["TIMEOUT_SECONDS"], System.Globalization.CultureInfo.InvariantCulture) <= 900);
    }
}
