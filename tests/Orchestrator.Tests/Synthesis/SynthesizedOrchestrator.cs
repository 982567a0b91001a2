using System.Text.Json.Nodes;
using Amazon.CDK;
using Amazon.CDK.Assertions;
using Amazon.CDK.AWS.StepFunctions;
using Choreo.Orchestrator;

namespace Orchestrator.Tests.Synthesis;

/// <summary>
/// Synthesizes the orchestrator stack once for all tests: with the defaults, and tuned (custom bus,
/// concurrency, timeouts, heartbeat) to show that the props reach the template.
/// </summary>
public sealed class SynthesizedOrchestrator : IDisposable
{
    public const string OrchestratorAccount = "111111111111";
    public const string WorkerAccount = "222222222222";
    public const string Region = "eu-west-1";
    public const string WorkerRegion = "eu-central-1";

    private readonly string _outdir = Path.Combine(Path.GetTempPath(), $"choreo-orchestrator-tests-{Guid.NewGuid():N}");

    public TemplateJson Default { get; }
    public TemplateJson Tuned { get; }

    /// <summary>The access stacks (bus and bus policy) that go with <see cref="Default"/> and <see cref="Tuned"/>.</summary>
    public TemplateJson DefaultAccess { get; }
    public TemplateJson TunedAccess { get; }
    public Template DefaultAssertions { get; }

    public SynthesizedOrchestrator()
    {
        var app = new App(new AppProps { Outdir = _outdir });
        var env = new Amazon.CDK.Environment { Account = OrchestratorAccount, Region = Region };
        var defaults = new OrchestratorStack(app, "Default", new OrchestratorStackProps { Env = env, WorkerAccount = WorkerAccount });
        var tuned = new OrchestratorStack(app, "Tuned", new OrchestratorStackProps
        {
            Env = env,
            WorkerAccount = WorkerAccount,
            WorkerRegion = WorkerRegion,
            BusName = "choreo",
            WorkerBusName = "choreo-worker",
            MapMaxConcurrency = 5,
            GetUsersTimeout = Duration.Seconds(30),
            PerPersonTimeout = Duration.Seconds(45),
            ReportTimeout = Duration.Minutes(20),
            ReportHeartbeat = Duration.Minutes(2),
            LogLevel = LogLevel.ERROR,
            ForwardRetryAttempts = 3,
            ForwardMaxEventAge = Duration.Minutes(2),
        });
        var defaultAccess = new OrchestratorAccessStack(app, "DefaultAccess", new OrchestratorAccessStackProps { Env = env, WorkerAccount = WorkerAccount });
        var tunedAccess = new OrchestratorAccessStack(app, "TunedAccess", new OrchestratorAccessStackProps { Env = env, WorkerAccount = WorkerAccount, BusName = "choreo" });
        DefaultAssertions = Template.FromStack(defaults);
        var assembly = app.Synth();
        Default = Read(assembly.GetStackByName(defaults.StackName).TemplateFullPath);
        Tuned = Read(assembly.GetStackByName(tuned.StackName).TemplateFullPath);
        DefaultAccess = Read(assembly.GetStackByName(defaultAccess.StackName).TemplateFullPath);
        TunedAccess = Read(assembly.GetStackByName(tunedAccess.StackName).TemplateFullPath);
    }

    private static TemplateJson Read(string path) =>
        new(JsonNode.Parse(File.ReadAllText(path))!.AsObject(), OrchestratorAccount, Region);

    public void Dispose()
    {
        if (Directory.Exists(_outdir))
        {
            Directory.Delete(_outdir, recursive: true);
        }
    }
}
