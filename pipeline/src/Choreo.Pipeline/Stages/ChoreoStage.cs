using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Choreo.Orchestrator;
using Choreo.Pipeline.Smoke;
using Choreo.Worker.Infrastructure;
using Constructs;

namespace Choreo.Pipeline.Stages;

/// <summary>
/// One stage of Choreo: the orchestrator stack in the stage's orchestrator account and the worker stack in
/// its worker account, each told the other's account. Neither depends on the other's outputs, so both
/// deploy in one wave.
/// </summary>
public sealed class ChoreoStage : Stage
{
    public ChoreoStage(Construct scope, string id, ChoreoStageProps props)
        : base(scope, id, new StageProps { Env = new Amazon.CDK.Environment { Region = props.Region } })
    {
        Props = props;
        Orchestrator = new OrchestratorStack(this, "Orchestrator", new OrchestratorStackProps
        {
            Env = new Amazon.CDK.Environment { Account = props.Accounts.OrchestratorAccount, Region = props.Region },
            Description = $"Choreo {id}: the orchestrator account (state machines, bus, rules).",
            WorkerAccount = props.Accounts.WorkerAccount,
            WorkerRegion = props.Region,
            MapMaxConcurrency = props.MapMaxConcurrency,
        });
        Worker = new WorkerStack(this, "Worker", new WorkerStackProps
        {
            Env = new Amazon.CDK.Environment { Account = props.Accounts.WorkerAccount, Region = props.Region },
            Description = $"Choreo {id}: the worker account (functions, bucket, rules).",
            OrchestratorAccount = props.Accounts.OrchestratorAccount,
            OrchestratorRegion = props.Region,
            IsProduction = props.IsProduction,
        });

        StarterRoleName = $"choreo-smoke-{id.ToLowerInvariant()}-starter";
        ReaderRoleName = $"choreo-smoke-{id.ToLowerInvariant()}-reader";
        Starter = new SmokeTestRole(Orchestrator, "SmokeTestStarter", new SmokeTestRoleProps(props.ToolingAccount, StarterRoleName,
        [
            new PolicyStatement(new PolicyStatementProps { Actions = ["events:PutEvents"], Resources = [Orchestrator.Bus.EventBusArn] }),
        ]));
        Reader = new SmokeTestRole(Worker, "SmokeTestReader", new SmokeTestRoleProps(props.ToolingAccount, ReaderRoleName,
        [
            new PolicyStatement(new PolicyStatementProps { Actions = ["s3:ListBucket"], Resources = [Worker.Bucket.BucketArn] }),
            new PolicyStatement(new PolicyStatementProps { Actions = ["s3:GetObject"], Resources = [Worker.Bucket.ArnForObjects("*/0-cookies.json")] }),
        ]));
        BusNameOutput = new CfnOutput(Orchestrator, "SmokeTestBusName", new CfnOutputProps { Value = Orchestrator.Bus.EventBusName });
        BucketNameOutput = new CfnOutput(Worker, "SmokeTestBucketName", new CfnOutputProps { Value = Worker.Bucket.BucketName });
    }

    public ChoreoStageProps Props { get; }
    public OrchestratorStack Orchestrator { get; }
    public WorkerStack Worker { get; }
    public SmokeTestRole Starter { get; }
    public SmokeTestRole Reader { get; }
    public string StarterRoleName { get; }
    public string ReaderRoleName { get; }
    public CfnOutput BusNameOutput { get; }
    public CfnOutput BucketNameOutput { get; }
}
