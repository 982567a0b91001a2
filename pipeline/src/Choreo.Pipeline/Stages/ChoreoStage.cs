using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Choreo.Orchestrator;
using Choreo.Pipeline.Smoke;
using Choreo.Worker.Infrastructure;
using Constructs;

namespace Choreo.Pipeline.Stages;

/// <summary>
/// One stage of Choreo, in two waves. EventBridge checks the destination bus's policy when a rule target
/// pointing at another account's bus is created, so first each account's access stack (its bus and the policy
/// admitting the peer), then the workflow stacks, each depending on both access stacks: the orchestrator's
/// forward rule needs the worker bus's policy and the worker's return rule the orchestrator bus's. The
/// dependencies are in the cloud assembly, so CDK Pipelines, <c>cdk deploy</c> and <c>choreo run</c> all
/// follow them.
/// </summary>
public sealed class ChoreoStage : Stage
{
    public ChoreoStage(Construct scope, string id, ChoreoStageProps props)
        : base(scope, id, new StageProps { Env = new Amazon.CDK.Environment { Region = props.Region } })
    {
        Props = props;
        OrchestratorAccess = new OrchestratorAccessStack(this, "OrchestratorAccess", new OrchestratorAccessStackProps
        {
            Env = new Amazon.CDK.Environment { Account = props.Accounts.OrchestratorAccount, Region = props.Region },
            Description = $"Choreo {id}: the orchestrator account's bus policy admitting the worker account (first wave).",
            WorkerAccount = props.Accounts.WorkerAccount,
        });
        WorkerAccess = new WorkerAccessStack(this, "WorkerAccess", new WorkerAccessStackProps
        {
            Env = new Amazon.CDK.Environment { Account = props.Accounts.WorkerAccount, Region = props.Region },
            Description = $"Choreo {id}: the worker account's bus policy admitting the orchestrator account (first wave).",
            OrchestratorAccount = props.Accounts.OrchestratorAccount,
        });
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
        Orchestrator.AddDependency(OrchestratorAccess, "its rules listen on the bus whose policy the access stack holds");
        Orchestrator.AddDependency(WorkerAccess, "the forward rule targets the worker bus; EventBridge refuses that target until the worker bus policy admits this account");
        Worker.AddDependency(WorkerAccess, "its rules listen on the bus whose policy the access stack holds");
        Worker.AddDependency(OrchestratorAccess, "the return rule targets the orchestrator bus; EventBridge refuses that target until the orchestrator bus policy admits this account");

        StarterRoleName = $"choreo-smoke-{id.ToLowerInvariant()}-starter";
        ReaderRoleName = $"choreo-smoke-{id.ToLowerInvariant()}-reader";
        Starter = new SmokeTestRole(Orchestrator, "SmokeTestStarter", new SmokeTestRoleProps
        {
            ToolingAccount = props.ToolingAccount,
            RoleName = StarterRoleName,
            Statements =
            [
                new PolicyStatement(new PolicyStatementProps { Actions = ["events:PutEvents"], Resources = [Orchestrator.Bus.EventBusArn] }),
            ],
        });
        Reader = new SmokeTestRole(Worker, "SmokeTestReader", new SmokeTestRoleProps
        {
            ToolingAccount = props.ToolingAccount,
            RoleName = ReaderRoleName,
            Statements =
            [
                new PolicyStatement(new PolicyStatementProps { Actions = ["s3:ListBucket"], Resources = [Worker.Bucket.BucketArn] }),
                new PolicyStatement(new PolicyStatementProps { Actions = ["s3:GetObject"], Resources = [Worker.Bucket.ArnForObjects("*/0-cookies.json")] }),
            ],
        });
        BusNameOutput = new CfnOutput(Orchestrator, "SmokeTestBusName", new CfnOutputProps { Value = Orchestrator.Bus.EventBusName });
        BucketNameOutput = new CfnOutput(Worker, "SmokeTestBucketName", new CfnOutputProps { Value = Worker.Bucket.BucketName });
    }

    public ChoreoStageProps Props { get; }
    public OrchestratorAccessStack OrchestratorAccess { get; }
    public WorkerAccessStack WorkerAccess { get; }
    public OrchestratorStack Orchestrator { get; }
    public WorkerStack Worker { get; }
    public SmokeTestRole Starter { get; }
    public SmokeTestRole Reader { get; }
    public string StarterRoleName { get; }
    public string ReaderRoleName { get; }
    public CfnOutput BusNameOutput { get; }
    public CfnOutput BucketNameOutput { get; }
}
