using Amazon.CDK;
using Amazon.CDK.AWS.Events;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.Lambda.Destinations;
using Amazon.CDK.AWS.Logs;
using Choreo.Contracts;
using Constructs;
using Function = Amazon.CDK.AWS.Lambda.Function;
using FunctionProps = Amazon.CDK.AWS.Lambda.FunctionProps;
using LambdaFunction = Amazon.CDK.AWS.Events.Targets.LambdaFunction;

namespace Choreo.Worker.Infrastructure.Functions;

/// <summary>
/// One worker function from the bootstrap asset: its own role (logs, PutEvents on this bus, the bucket access
/// of its spec and nothing else), a one-week log group, two async retries then the bus as failure destination,
/// and the rule that starts it.
/// </summary>
public sealed class WorkerFunction : Construct
{
    public const int MemoryMegabytes = 256;
    public const int AsyncRetryAttempts = 2;

    public const string EventBusVariable = "EVENT_BUS";
    public const string EventSourceVariable = "EVENT_SOURCE";
    public const string BucketVariable = "BUCKET";

    /// <summary>The Lambda function.</summary>
    public IFunction Function { get; }

    /// <summary>The rule that starts it; null when its spec has no trigger (the failure relay's rule is separate).</summary>
    public IRule? Rule { get; }

    public WorkerFunction(Construct scope, string id, WorkerFunctionProps props) : base(scope, id)
    {
        var spec = props.Spec;
        // Its own role instead of the managed basic-execution policy, whose log actions apply to every log group.
        var role = new Role(this, "Role", new RoleProps
        {
            AssumedBy = new ServicePrincipal("lambda.amazonaws.com"),
            Description = $"Choreo worker function {spec.Handler}",
        });
        var logs = new LogGroup(this, "Logs", new LogGroupProps
        {
            Retention = RetentionDays.ONE_WEEK,
            RemovalPolicy = props.LogRemoval,
        });
        logs.GrantWrite(role);

        var environment = new Dictionary<string, string>
        {
            [EventBusVariable] = props.Bus.EventBusName,
            [EventSourceVariable] = Sources.Worker,
        };
        if (spec.Bucket != BucketAccess.None)
        {
            environment[BucketVariable] = props.Bucket.BucketName;
        }

        var function = new Function(this, "Function", new FunctionProps
        {
            Runtime = Runtime.PROVIDED_AL2023,
            Architecture = Architecture.X86_64,
            Handler = spec.Handler,
            Code = props.Code,
            MemorySize = MemoryMegabytes,
            Timeout = Duration.Seconds(spec.TimeoutSeconds),
            Role = role,
            LogGroup = logs,
            Environment = environment,
            Description = $"Choreo worker: {spec.Handler}",
            RetryAttempts = AsyncRetryAttempts,
            MaxEventAge = props.MaxEventAge,
            OnFailure = spec.HasFailureDestination ? new EventBridgeDestination(props.Bus) : null,
        });
        props.Bus.GrantPutEventsTo(function);
        GrantBucketAccess(role, props, spec.Bucket);
        Function = function;

        if (spec.Trigger is { } trigger)
        {
            Rule = new Rule(this, "Rule", new RuleProps
            {
                EventBus = props.Bus,
                Description = $"{trigger.DetailType} from {trigger.Source} starts {spec.Handler}",
                EventPattern = PatternFor(trigger, props.OrchestratorAccount),
                Targets = [new LambdaFunction(function)],
            });
        }
    }

    private static EventPattern PatternFor(EventTrigger trigger, string orchestratorAccount) => new()
    {
        Source = [trigger.Source],
        DetailType = [trigger.DetailType],
        // Work from the orchestrator counts only when it really came from the orchestrator account
        // (EventBridge keeps the sender's account on forwarded events), not from a principal of this account spelling its source.
        Account = trigger.Source == Sources.Orchestrator ? [orchestratorAccount] : null,
    };

    private static void GrantBucketAccess(Role role, WorkerFunctionProps props, BucketAccess access)
    {
        var objectActions = new List<string>();
        if (access.HasFlag(BucketAccess.GetObjects))
        {
            objectActions.Add("s3:GetObject");
        }

        if (access.HasFlag(BucketAccess.PutObjects))
        {
            objectActions.Add("s3:PutObject");
        }

        if (access.HasFlag(BucketAccess.TagObjects))
        {
            objectActions.Add("s3:PutObjectTagging");
        }

        if (objectActions.Count > 0)
        {
            role.AddToPrincipalPolicy(new PolicyStatement(new PolicyStatementProps
            {
                Actions = [.. objectActions],
                Resources = [props.Bucket.ArnForObjects("*")],
            }));
        }

        if (access.HasFlag(BucketAccess.ListObjects))
        {
            role.AddToPrincipalPolicy(new PolicyStatement(new PolicyStatementProps
            {
                Actions = ["s3:ListBucket"],
                Resources = [props.Bucket.BucketArn],
            }));
        }
    }
}
