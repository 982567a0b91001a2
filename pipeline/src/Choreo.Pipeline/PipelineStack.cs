using Amazon.CDK;
using Amazon.CDK.AWS.CodeBuild;
using Amazon.CDK.AWS.CodeCommit;
using Amazon.CDK.Pipelines;
using Choreo.Pipeline.Configuration;
using Choreo.Pipeline.Smoke;
using Choreo.Pipeline.Stages;
using Constructs;

namespace Choreo.Pipeline;

/// <summary>
/// The CDK Pipeline in the tooling account: source → synth (build, unit tests, cdk synth on Amazon Linux
/// 2023) → self-mutation → Dev (access stacks, then workflow stacks, then a smoke run) → manual approval → Prod.
/// </summary>
public sealed class PipelineStack : Stack
{
    // CodeBuild's Amazon Linux 2023 image. The worker's Native AOT bootstrap links against the build
    // machine's glibc, so it must be built on the same OS family Lambda's provided.al2023 runs.
    public const string BuildImageId = "aws/codebuild/amazonlinux-x86_64-standard:5.0";

    /// <summary>The cfn-lint the build installs; the Pipeline.Tests check the same version.</summary>
    public const string CfnLintVersion = "1.51.0";

    public PipelineStack(Construct scope, string id, PipelineStackProps props) : base(scope, id, props)
    {
        var configuration = props.Configuration;
        var source = SourceFor(configuration.Source);

        Pipeline = new CodePipeline(this, "Pipeline", new CodePipelineProps
        {
            PipelineName = "Choreo",
            CrossAccountKeys = true,
            EnableKeyRotation = true,
            SelfMutation = true,
            CodeBuildDefaults = new CodeBuildOptions
            {
                BuildEnvironment = new BuildEnvironment
                {
                    BuildImage = LinuxBuildImage.FromCodeBuildImageId(BuildImageId),
                    ComputeType = ComputeType.MEDIUM,
                },
            },
            Synth = new CodeBuildStep("Synth", new CodeBuildStepProps
            {
                Input = source,
                InstallCommands =
                [
                    "curl -sSL https://dot.net/v1/dotnet-install.sh -o /tmp/dotnet-install.sh",
                    "bash /tmp/dotnet-install.sh --channel 10.0 --install-dir /root/.dotnet",
                    "npm ci --no-audit --no-fund",
                    // scripts/test lints every synthesized template with cfn-lint, pinned like the other tools.
                    $"pip3 install --quiet cfn-lint=={CfnLintVersion}",
                ],
                Commands =
                [
                    "export PATH=/root/.dotnet:$PATH DOTNET_ROOT=/root/.dotnet",
                    "scripts/test",
                    "npx cdk synth",
                ],
                PrimaryOutputDirectory = "cdk.out",
            }),
        });

        Dev = new ChoreoStage(this, configuration.Dev.Name, new ChoreoStageProps
        {
            Accounts = configuration.Dev,
            Region = configuration.Region,
            ToolingAccount = configuration.ToolingAccount,
            IsProduction = false,
            MapMaxConcurrency = configuration.MapMaxConcurrency,
        });
        Pipeline.AddStage(Dev, new AddStageOpts { Post = [SmokeTestStep.For(Dev, source)] });

        Prod = new ChoreoStage(this, configuration.Prod.Name, new ChoreoStageProps
        {
            Accounts = configuration.Prod,
            Region = configuration.Region,
            ToolingAccount = configuration.ToolingAccount,
            IsProduction = true,
            MapMaxConcurrency = configuration.MapMaxConcurrency,
        });
        Pipeline.AddStage(Prod, new AddStageOpts
        {
            Pre = [new ManualApprovalStep("PromoteToProd", new ManualApprovalStepProps { Comment = "Dev passed its smoke run. Promote this build to Prod?" })],
        });
    }

    public CodePipeline Pipeline { get; }
    public ChoreoStage Dev { get; }
    public ChoreoStage Prod { get; }

    private CodePipelineSource SourceFor(PipelineSourceSettings source) => source.UsesConnection
        ? CodePipelineSource.Connection(source.Repository!, source.Branch, new ConnectionSourceOptions { ConnectionArn = source.ConnectionArn! })
        : CodePipelineSource.CodeCommit(Repository.FromRepositoryName(this, "Repository", source.CodeCommitRepository!), source.Branch);
}
