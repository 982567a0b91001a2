using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.Pipelines;
using Choreo.Contracts;
using Choreo.Pipeline.Stages;

namespace Choreo.Pipeline.Smoke;

/// <summary>
/// The post-deploy check of a stage: puts a <c>start</c> event with a small fixed run, then waits, bounded,
/// for that run's report object in the worker bucket (pipeline/smoke/smoke-test.sh does the work).
/// </summary>
public static class SmokeTestStep
{
    public const int People = 3;
    public const int Seed = 42;
    public const int TimeoutSeconds = 600;
    public const string EventSource = "choreo.pipeline.smoke";

    public static CodeBuildStep For(ChoreoStage stage, IFileSetProducer source) =>
        new($"SmokeTest{stage.StageName}", new CodeBuildStepProps
        {
            Input = source,
            Commands = ["bash pipeline/smoke/smoke-test.sh"],
            Env = new Dictionary<string, string>
            {
                ["STARTER_ROLE_ARN"] = SmokeTestRole.ArnFor(stage.Props.Accounts.OrchestratorAccount, stage.StarterRoleName),
                ["READER_ROLE_ARN"] = SmokeTestRole.ArnFor(stage.Props.Accounts.WorkerAccount, stage.ReaderRoleName),
                ["START_DETAIL_TYPE"] = DetailTypes.Start,
                ["SMOKE_SOURCE"] = EventSource,
                ["PEOPLE"] = People.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["SEED"] = Seed.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["TIMEOUT_SECONDS"] = TimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            },
            EnvFromCfnOutputs = new Dictionary<string, CfnOutput>
            {
                ["BUS_NAME"] = stage.BusNameOutput,
                ["BUCKET_NAME"] = stage.BucketNameOutput,
            },
            RolePolicyStatements =
            [
                new PolicyStatement(new PolicyStatementProps
                {
                    Actions = ["sts:AssumeRole"],
                    Resources =
                    [
                        SmokeTestRole.ArnFor(stage.Props.Accounts.OrchestratorAccount, stage.StarterRoleName),
                        SmokeTestRole.ArnFor(stage.Props.Accounts.WorkerAccount, stage.ReaderRoleName),
                    ],
                }),
            ],
            Timeout = Duration.Seconds(TimeoutSeconds + 300),
        });
}
