using System.Text.Json.Nodes;
using Choreo.Contracts;
using Choreo.LocalCloud.Accounts;
using Choreo.LocalCloud.Services;
using Choreo.LocalCloud.StepFunctions.Execution;

namespace EndToEnd.Tests;

[Collection(BuiltChoreoCollection.Name)]
public sealed class FaultTests(BuiltChoreo built)
{
    [Fact]
    public async Task A_handler_that_throws_fails_the_execution_within_its_timeout_naming_the_step_and_the_cause()
    {
        var functions = new ScriptedFunctions().Replace("processSingle", real => new FunctionFault((eventJson, context, ct) =>
            (int)JsonNode.Parse(eventJson)!["detail"]!["index"]! == 1
                ? throw new InvalidOperationException("the profile service is down")
                : real.InvokeAsync(eventJson, context, ct)));
        await using var choreo = await LocalChoreo.DeployAsync(built, functions);
        var started = choreo.Cloud.Clock.UtcNow;

        var execution = await choreo.RunToEndAsync(people: 3, seed: 5);

        Assert.Equal(ExecutionStatus.FAILED, execution.Status);
        Assert.Equal("Worker.Crashed", execution.Error);
        Assert.Contains("ProcessMultiple", execution.Cause);
        Assert.Contains("the profile service is down", execution.Cause);
        Assert.True(choreo.Cloud.Clock.UtcNow - started < TimeSpan.FromMinutes(5), $"took {choreo.Cloud.Clock.UtcNow - started} of virtual time");
        Assert.Equal(3, choreo.Cloud.Invocations.All.Count(i => i.FunctionArn.Contains("processSingle", StringComparison.OrdinalIgnoreCase) && i.Error is not null));
    }

    [Fact]
    public async Task A_failing_side_effect_never_fails_its_person_and_lands_in_the_side_effect_dead_letter_queue_after_Lambdas_retries()
    {
        var functions = new ScriptedFunctions().Replace("sideEffect", real => new FunctionFault((eventJson, context, ct) =>
            (int)JsonNode.Parse(eventJson)!["detail"]!["index"]! == 1
                ? throw new InvalidOperationException("the newsletter service is down")
                : real.InvokeAsync(eventJson, context, ct)));
        await using var choreo = await LocalChoreo.DeployAsync(built, functions);

        var execution = await choreo.RunToEndAsync(people: 3, seed: 5);
        Assert.Equal(ExecutionStatus.SUCCEEDED, execution.Status);
        Assert.True(choreo.Run.ReadReport(execution).Agrees);

        // Lambda retries twice (minutes apart, virtual time), then its on-failure record is routed to the queue.
        var outcome = await Until(
            () => Choreo.Cli.Run.SideEffectOutcome.Of(choreo.Cloud, choreo.Deployment, execution.ExecutionArn, people: 3),
            o => o.DeadLettered.Count == 1 && o.Pending == 0);
        var failed = Assert.Single(outcome.DeadLettered);
        Assert.Equal(1, failed.Index);
        Assert.Contains("the newsletter service is down", failed.Error);
        Assert.Equal("RetriesExhausted", failed.Condition);
        Assert.Equal([0, 2], outcome.Announced);
        Assert.Equal(3, choreo.Cloud.Invocations.All.Count(i => i.FunctionArn.Contains("sideEffect", StringComparison.OrdinalIgnoreCase) && i.Error is not null));

        var timeline = choreo.Cloud.Timeline.For(execution.ExecutionArn);
        Assert.Contains(timeline, e => e.What.StartsWith("Lambda Function Invocation Result - Failure", StringComparison.Ordinal));
        Assert.Contains(timeline, e => e.Service == "events" && e.Detail.StartsWith("Delivered by rule", StringComparison.Ordinal)
            && (e.What + e.Detail).Contains("SideEffectDeadLetters", StringComparison.Ordinal));
        Assert.DoesNotContain(timeline, e => e.What.StartsWith(DetailTypes.Failed + " ", StringComparison.Ordinal));
    }

    private static async Task<T> Until<T>(Func<T> read, Func<T, bool> done)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            var value = read();
            if (done(value))
            {
                return value;
            }
            Assert.False(limit.IsCancellationRequested, $"condition not reached in 60 s; last: {value}");
            await Task.Delay(TimeSpan.FromMilliseconds(50), TimeProvider.System, CancellationToken.None);
        }
    }

    [Fact]
    public async Task A_lost_done_times_out_with_States_Timeout()
    {
        // getMultiple does its work but its done never arrives.
        var functions = new ScriptedFunctions().Replace("getMultiple", _ => new FunctionFault((_, _, _) => Task.FromResult<string?>(null)));
        await using var choreo = await LocalChoreo.DeployAsync(built, functions);
        var started = choreo.Cloud.Clock.UtcNow;

        var execution = await choreo.RunToEndAsync(people: 2, seed: 1);

        Assert.Equal(ExecutionStatus.FAILED, execution.Status);
        Assert.Equal("States.Timeout", execution.Error);
        Assert.Contains("GetUsers", execution.Cause);
        Assert.True(choreo.Cloud.Clock.UtcNow - started >= TimeSpan.FromMinutes(5));
    }

    [Fact]
    public async Task A_duplicate_done_is_absorbed_and_the_execution_succeeds_once()
    {
        await using var choreo = await LocalChoreo.DeployAsync(built);
        // Every done and failed reaches the task finisher twice, as an at-least-once delivery may do.
        var events = choreo.Cloud.EventBridge;
        var rule = events.ListRules(choreo.Deployment.OrchestratorAccount, "default", null)
            .Single(r => events.ListTargets(choreo.Deployment.OrchestratorAccount, "default", r.Name).Any(t => t.Arn == choreo.Deployment.TaskFinisherArn));
        events.PutRule(choreo.Deployment.OrchestratorAccount, "default", "DuplicateCallbacks", rule.EventPatternText, enabled: true, "test: deliver every callback twice", null);
        events.PutTargets(choreo.Deployment.OrchestratorAccount, "default", "DuplicateCallbacks",
            events.ListTargets(choreo.Deployment.OrchestratorAccount, "default", rule.Name));

        var execution = await choreo.RunToEndAsync(people: 3, seed: 11);
        await events.WhenDeliveriesIdleAsync(CancellationToken.None);

        Assert.Equal(ExecutionStatus.SUCCEEDED, execution.Status);
        Assert.Single(choreo.Cloud.StepFunctions.ExecutionsOf(choreo.Deployment.MainStateMachineArn));
        var finishers = choreo.Cloud.StepFunctions.ExecutionsOf(choreo.Deployment.TaskFinisherArn);
        // The last duplicate may still be answering when the main execution ends: wait for every finisher run.
        await Task.WhenAll(finishers.Select(f => f.Completion)).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.All(finishers, f => Assert.Equal(ExecutionStatus.SUCCEEDED, f.Status));
        Assert.True(finishers.Count >= 2 * (1 + 3 + 1), $"{finishers.Count} finisher runs");
    }

    [Fact]
    public async Task A_start_from_another_account_is_refused_by_the_bus_policy_and_nothing_runs()
    {
        await using var choreo = await LocalChoreo.DeployAsync(built);
        var stranger = new AccountContext("333333333333", AccountContext.DefaultRegion);

        var fromStranger = await choreo.Cloud.EventBridge.PutEventsAsync(stranger,
            [new PutEventsEntry("choreo.cli", DetailTypes.Start, "{}", choreo.Deployment.OrchestratorBusArn)], CancellationToken.None);
        var workerBus = $"arn:aws:events:{AccountContext.DefaultRegion}:{choreo.Deployment.WorkerAccount.AccountId}:event-bus/default";
        var spoofedSource = await choreo.Cloud.EventBridge.PutEventsAsync(choreo.Deployment.OrchestratorAccount,
            [new PutEventsEntry("someone.else", DetailTypes.GetUsers, """{"TaskToken":"t","execution":"e","stateName":"GetUsers"}""", workerBus)], CancellationToken.None);
        await choreo.Cloud.EventBridge.WhenDeliveriesIdleAsync(CancellationToken.None);

        Assert.Equal(1, fromStranger.FailedEntryCount);
        Assert.Equal("AccessDeniedException", fromStranger.Entries[0].ErrorCode);
        Assert.Equal(1, spoofedSource.FailedEntryCount);
        Assert.Empty(choreo.Cloud.StepFunctions.ExecutionsOf(choreo.Deployment.MainStateMachineArn));
        Assert.Empty(choreo.Cloud.Invocations.All);
    }

    [Fact]
    public async Task A_tampered_presigned_url_fails_postProcessSingle_clearly()
    {
        var functions = new ScriptedFunctions().Replace("postProcessSingle", real => new FunctionFault((eventJson, context, ct) =>
        {
            var tampered = JsonNode.Parse(eventJson)!;
            var url = tampered["detail"]!["profile"]!.ToString();
            tampered["detail"]!["profile"] = url.Replace("basic-", "final-", StringComparison.Ordinal);
            return real.InvokeAsync(tampered.ToJsonString(), context, ct);
        }));
        await using var choreo = await LocalChoreo.DeployAsync(built, functions);

        var execution = await choreo.RunToEndAsync(people: 2, seed: 8);

        Assert.Equal(ExecutionStatus.FAILED, execution.Status);
        Assert.Equal("Worker.ProfileUnreadable", execution.Error);
        Assert.Contains("403", execution.Cause);
        Assert.Contains("ProcessMultiple", execution.Cause);
    }
}
