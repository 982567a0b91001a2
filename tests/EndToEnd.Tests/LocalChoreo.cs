using Choreo.Cli.Run;
using Choreo.LocalCloud.Composition;
using Choreo.LocalCloud.Hosting;
using Choreo.LocalCloud.StepFunctions.Execution;
using Choreo.LocalCloud.Time;

namespace EndToEnd.Tests;

/// <summary>
/// Choreo deployed from the synthesized templates into a fresh local-cloud (two accounts, in memory), on a
/// virtual clock unless the test asks for real time, with the worker's handlers in-process unless it asks
/// for the real bootstrap.
/// </summary>
internal sealed class LocalChoreo : IAsyncDisposable
{
    private LocalChoreo(LocalCloudInstance cloud, ChoreoDeployment deployment)
    {
        Cloud = cloud;
        Deployment = deployment;
        Run = new CookieReportRun(cloud, deployment);
    }

    public LocalCloudInstance Cloud { get; }
    public ChoreoDeployment Deployment { get; }
    public CookieReportRun Run { get; }
    public VirtualClock? VirtualClock => Cloud.Clock as VirtualClock;

    public static async Task<LocalChoreo> DeployAsync(BuiltChoreo built, ScriptedFunctions? functions = null, LambdaExecutionMode mode = LambdaExecutionMode.InProcess, IClock? clock = null)
    {
        var cloud = await LocalCloudInstance.StartAsync(new LocalCloudInstanceOptions
        {
            // A longer quiet period than the default: here callbacks cross real HTTP and thread hops, and time must
            // jump only when the whole two-account system is really idle (a lost done, a retry backoff).
            Host = new LocalCloudOptions { Port = 0, Clock = clock ?? new VirtualClock(TimeProvider.System.GetUtcNow()) { QuietPeriod = TimeSpan.FromMilliseconds(100) } },
            LambdaMode = mode,
            InProcessFunctions = mode == LambdaExecutionMode.InProcess ? functions ?? new ScriptedFunctions() : null,
        });
        try
        {
            return new LocalChoreo(cloud, await LocalDeployment.DeployDevStageAsync(cloud, built.CloudAssemblyDirectory, CancellationToken.None));
        }
        catch
        {
            await cloud.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts a run and waits for its execution to end (bounded in real time).</summary>
    public async Task<ExecutionRun> RunToEndAsync(int? people, int? seed, TimeSpan? realTimeLimit = null)
    {
        var execution = await Run.StartAsync(people, seed, TimeSpan.FromSeconds(30), CancellationToken.None);
        var ended = await CookieReportRun.FollowAsync(execution, _ => { }, realTimeLimit ?? TimeSpan.FromSeconds(120), CancellationToken.None);
        Assert.True(ended, $"{execution.ExecutionArn} did not end in time; it is {execution.Status} at {Choreo.LocalCloud.Observability.ExecutionProgress.Of(execution)}");
        return execution;
    }

    public ValueTask DisposeAsync() => Cloud.DisposeAsync();
}
