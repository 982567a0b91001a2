using Choreo.LocalCloud.Accounts;
using Choreo.LocalCloud.Auth;
using Choreo.LocalCloud.CloudFormation.Assembly;
using Choreo.LocalCloud.CloudFormation.Deployment;
using Choreo.LocalCloud.CloudFormation.Iam;
using Choreo.LocalCloud.CloudFormation.Resources;
using Choreo.LocalCloud.CloudFormation.Stacks;
using Choreo.LocalCloud.DynamoDb.Api;
using Choreo.LocalCloud.DynamoDb.CloudFormation;
using Choreo.LocalCloud.DynamoDb.Storage;
using Choreo.LocalCloud.EventBridge;
using Choreo.LocalCloud.EventBridge.Api;
using Choreo.LocalCloud.EventBridge.CloudFormation;
using Choreo.LocalCloud.Hosting;
using Choreo.LocalCloud.Lambda.Api;
using Choreo.LocalCloud.Lambda.CloudFormation;
using Choreo.LocalCloud.Lambda.Invocation;
using Choreo.LocalCloud.Lambda.Model;
using Choreo.LocalCloud.Lambda.Runners;
using Choreo.LocalCloud.Lambda.Runners.InProcess;
using Choreo.LocalCloud.Lambda.Runners.Process;
using Choreo.LocalCloud.Observability;
using Choreo.LocalCloud.S3.Api;
using Choreo.LocalCloud.S3.CloudFormation;
using Choreo.LocalCloud.S3.Storage;
using Choreo.LocalCloud.Sqs;
using Choreo.LocalCloud.Sqs.Api;
using Choreo.LocalCloud.Sqs.CloudFormation;
using Choreo.LocalCloud.StepFunctions.Api;
using Choreo.LocalCloud.StepFunctions.CloudFormation;
using Choreo.LocalCloud.Time;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Choreo.LocalCloud.Composition;

/// <summary>
/// One whole local-cloud: the endpoint with S3, EventBridge, SQS, Step Functions, Lambda and DynamoDB wired through
/// their seams, and the CloudFormation deployer with every service's resource providers. <c>choreo serve</c>,
/// <c>choreo run</c> and the tests all build it here, so they run the same system.
/// </summary>
public sealed class LocalCloudInstance : IAsyncDisposable
{
    private readonly ILogger _log;

    /// <summary>Builds and wires every service; nothing listens until <see cref="StartAsync(CancellationToken)"/>.</summary>
    public LocalCloudInstance(LocalCloudInstanceOptions options)
    {
        var loggers = options.LoggerFactory ?? NullLoggerFactory.Instance;
        _log = loggers.CreateLogger("local-cloud");
        var seams = new LateBoundSeams();
        Clock = options.Host.Clock ?? new SystemClock();
        Credentials = new CredentialDirectory(options.Host.AccessKeys, options.Host.KnownAccounts);
        var verifier = new SignatureVerifier(Credentials, Clock);
        ObjectStore = options.Host.StateDirectory is null ? new InMemoryObjectStore(Clock) : new DiskObjectStore(options.Host.StateDirectory, Clock);
        Host = new LocalCloudHost(options.Host, verifier, new S3Endpoint(ObjectStore, verifier, Clock));
        Sqs = new SqsQueues(Clock, () => Host.BaseUrl);
        Functions = new FunctionRegistry();
        EventBridge = new EventBridgeService(Clock, Sqs, seams, seams, loggers.CreateLogger<EventBridgeService>(), Functions.PolicyOf);
        Invocations = new InvocationLog();
        DynamoDb = new DynamoDbApi(new DynamoDbTables(), Clock);
        StepFunctions = new StepFunctionsService(Clock, EventBridge, seams, DynamoDb, new BucketObjectsAccess(ObjectStore));
        Lambda = new LambdaService(
            Functions,
            RunnerFor(options),
            EventBridge,
            Clock,
            Invocations,
            new LambdaServiceOptions(() => Host.BaseUrl, MaxConcurrencyPerFunction: options.LambdaConcurrencyPerFunction, FirstRetryDelay: options.LambdaFirstRetryDelay),
            message => _log.LogWarning("{Message}", message),
            Clock is IActivityTracker tracker ? tracker.BeginActivity : null);
        seams.Bind(Lambda, StepFunctions);
        Iam = new IamRegistry();
        Stacks = new StackRegistry();
        Timeline = new ExecutionTimeline(StepFunctions, EventBridge.Journal, EventBridge.Deliveries, Invocations);

        Host.AddJsonService(new EventBridgeApi(EventBridge))
            .AddJsonService(new SqsApi(Sqs))
            .AddJsonService(StepFunctions)
            .AddJsonService(DynamoDb)
            .AddRestRoute(new TimelineRoute(StepFunctions, Timeline))
            .AddRestRoute(new FunctionsRoute(Functions, Lambda, Clock));
        IResourceProvider[] providers =
        [
            new BucketProvider(ObjectStore, Clock), new BucketPolicyProvider(ObjectStore),
            new EventBusProvider(EventBridge), new RuleProvider(EventBridge), new EventBusPolicyProvider(EventBridge),
            new QueueProvider(Sqs), new QueuePolicyProvider(Sqs),
            new StateMachineProvider(StepFunctions),
            new TableProvider(new TableOperations(DynamoDb.Tables, Clock)), new GlobalTableProvider(),
            new FunctionProvider(Functions, Clock), new EventInvokeConfigProvider(Functions), new PermissionProvider(Functions),
            .. IamResourceProviders.For(Iam),
        ];
        Deployer = new StackDeployer(new ResourceProviderRegistry(providers), Stacks, loggers.CreateLogger<StackDeployer>());
        Mode = options.LambdaMode;

        IFunctionRunner RunnerFor(LocalCloudInstanceOptions o) => o.LambdaMode switch
        {
            LambdaExecutionMode.InProcess => new InProcessRunner(o.InProcessFunctions
                ?? throw new ArgumentException("In-process Lambda needs LocalCloudInstanceOptions.InProcessFunctions.", nameof(options)), Invocations!.Write),
            _ => new ProcessRunner(Invocations!.Write),
        };
    }

    public LocalCloudHost Host { get; }
    public IClock Clock { get; }
    public CredentialDirectory Credentials { get; }
    public IS3ObjectStore ObjectStore { get; }
    public SqsQueues Sqs { get; }
    public EventBridgeService EventBridge { get; }
    public StepFunctionsService StepFunctions { get; }
    public DynamoDbApi DynamoDb { get; }
    public FunctionRegistry Functions { get; }
    public InvocationLog Invocations { get; }
    public LambdaService Lambda { get; }
    public IamRegistry Iam { get; }
    public StackRegistry Stacks { get; }
    public StackDeployer Deployer { get; }
    public LambdaExecutionMode Mode { get; }

    /// <summary>Everything one execution caused, across accounts and services (<c>choreo trace</c>, run reports).</summary>
    public ExecutionTimeline Timeline { get; }

    /// <summary>Builds an instance and starts its endpoint (port 0 picks a free one; read <see cref="LocalCloudHost.BaseUrl"/>).</summary>
    public static async Task<LocalCloudInstance> StartAsync(LocalCloudInstanceOptions options, CancellationToken cancellationToken = default)
    {
        var instance = new LocalCloudInstance(options);
        try
        {
            await instance.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await instance.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        return instance;
    }

    /// <summary>Starts the endpoint; throws <see cref="PortInUseException"/> if the port is taken.</summary>
    public Task StartAsync(CancellationToken cancellationToken = default) => Host.StartAsync(cancellationToken);

    /// <summary>Deploys a synthesized stack into <paramref name="target"/>, whatever account its manifest names.</summary>
    public Task<DeployedStack> DeployAsync(AssemblyStack stack, AccountContext target, CancellationToken cancellationToken = default) =>
        Deployer.DeployAsync(stack, target, null, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await Host.StopAsync().ConfigureAwait(false);
        await Lambda.DisposeAsync().ConfigureAwait(false);
        await EventBridge.DisposeAsync().ConfigureAwait(false);
    }
}
