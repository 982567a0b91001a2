using System.Text;
using System.Text.Json.Nodes;
using Choreo.Contracts;
using Choreo.LocalCloud.Composition;
using Choreo.LocalCloud.Observability;
using Choreo.LocalCloud.Services;
using Choreo.LocalCloud.StepFunctions.Execution;

namespace Choreo.Cli.Run;

/// <summary>
/// One run of the cookie report on a deployed local Choreo: puts the <c>start</c> event on the
/// orchestrator's bus (as the article's <c>aws events put-events</c> does), finds the execution the start
/// rule began, follows it to its end, and reads the report back from the worker's bucket.
/// </summary>
public sealed class CookieReportRun(LocalCloudInstance cloud, ChoreoDeployment deployment)
{
    public const string StartSource = "choreo.cli";

    public string? StartEventId { get; private set; }

    /// <summary>Puts the start event and waits (bounded) for the execution it starts.</summary>
    public async Task<ExecutionRun> StartAsync(int? people, int? seed, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var before = cloud.StepFunctions.ExecutionsOf(deployment.MainStateMachineArn).Select(e => e.ExecutionArn).ToHashSet();
        var detail = new JsonObject();
        if (people is not null)
        {
            detail["people"] = people;
        }
        if (seed is not null)
        {
            detail["seed"] = seed;
        }
        var result = await cloud.EventBridge.PutEventsAsync(deployment.OrchestratorAccount,
            [new PutEventsEntry(StartSource, DetailTypes.Start, detail.ToJsonString(), deployment.OrchestratorBusArn)], cancellationToken).ConfigureAwait(false);
        var entry = result.Entries[0];
        if (result.FailedEntryCount > 0)
        {
            throw new InvalidOperationException($"The start event was refused: {entry.ErrorCode}: {entry.ErrorMessage}");
        }
        StartEventId = entry.EventId;

        using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bound.CancelAfter(timeout);
        while (true)
        {
            var started = cloud.StepFunctions.ExecutionsOf(deployment.MainStateMachineArn).FirstOrDefault(e => !before.Contains(e.ExecutionArn));
            if (started is not null)
            {
                return started;
            }
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(20), TimeProvider.System, bound.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"No execution of {deployment.MainStateMachineArn} started within {timeout.TotalSeconds:0} s of the start event {StartEventId}: check the start rule.");
            }
        }
    }

    /// <summary>Follows the execution, reporting progress when it changes, until it ends or <paramref name="timeout"/> passes.</summary>
    public static async Task<bool> FollowAsync(ExecutionRun execution, Action<ExecutionProgress> progress, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ExecutionProgress? last = null;
        var finished = execution.Completion.WaitAsync(timeout, cancellationToken);
        while (true)
        {
            var now = ExecutionProgress.Of(execution);
            if (now != last)
            {
                progress(now);
                last = now;
            }
            if (finished.IsCompleted)
            {
                try
                {
                    await finished.ConfigureAwait(false);
                    progress(ExecutionProgress.Of(execution));
                    return true;
                }
                catch (TimeoutException)
                {
                    return false;
                }
            }
            await Task.WhenAny(finished, Task.Delay(TimeSpan.FromMilliseconds(100), TimeProvider.System, cancellationToken)).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    /// <summary>The report and per-person files of <paramref name="execution"/>, checked against each other.</summary>
    public CookieReportCheck ReadReport(ExecutionRun execution) =>
        CookieReportCheck.Read(key => ReadObject(key), execution.ExecutionArn);

    public string? ReadObject(string key)
    {
        var stored = cloud.ObjectStore.GetObject(deployment.BucketName, key);
        return stored is null ? null : Encoding.UTF8.GetString(stored.Data);
    }
}
