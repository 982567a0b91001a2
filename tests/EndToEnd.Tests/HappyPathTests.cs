using System.Text.Json.Nodes;
using Choreo.Contracts;
using Choreo.LocalCloud.StepFunctions.Execution;

namespace EndToEnd.Tests;

[Collection(BuiltChoreoCollection.Name)]
public sealed class HappyPathTests(BuiltChoreo built)
{
    [Fact]
    public async Task The_report_total_is_the_sum_of_the_final_files_and_counts_every_name()
    {
        await using var choreo = await LocalChoreo.DeployAsync(built);

        var execution = await choreo.RunToEndAsync(people: 7, seed: 42);

        Assert.Equal(ExecutionStatus.SUCCEEDED, execution.Status);
        var check = choreo.Run.ReadReport(execution);
        Assert.True(check.Agrees, string.Join("\n", check.Problems));
        Assert.Equal(7, check.NumberOfPeople);
        Assert.Equal(7, check.People.Count);
        Assert.Equal(check.People.Sum(p => p.Cookies), check.TotalCookiesConsumed);
        var output = JsonNode.Parse(execution.Output!)!;
        Assert.Equal(check.TotalCookiesConsumed, (int)output["report"]!["totalCookiesConsumed"]!);
    }

    [Fact]
    public async Task Duplicate_names_each_get_their_own_files_and_count_in_the_report()
    {
        string[] names = ["Mae Heller", "Alan Gibson", "Mae Heller", "Mae Heller"];
        LocalChoreo? choreo = null;
        // The people "database" holds the same name three times: getMultiple answers with exactly these.
        var functions = new ScriptedFunctions().Replace("getMultiple", _ => new FunctionFault(async (eventJson, _, ct) =>
        {
            var detail = JsonNode.Parse(eventJson)!["detail"]!;
            var done = new JsonObject
            {
                ["TaskToken"] = detail["TaskToken"]!.ToString(),
                ["execution"] = detail["execution"]!.ToString(),
                ["stateName"] = detail["stateName"]!.ToString(),
                ["names"] = new JsonArray(names.Select(n => (JsonNode?)n).ToArray()),
            };
            await choreo!.Cloud.EventBridge.PutEventsAsync(choreo.Deployment.WorkerAccount,
                [new(Sources.Worker, DetailTypes.Done, done.ToJsonString(), "default")], ct);
            return null;
        }));
        await using (choreo = await LocalChoreo.DeployAsync(built, functions))
        {
            var execution = await choreo.RunToEndAsync(people: null, seed: 3);

            Assert.Equal(ExecutionStatus.SUCCEEDED, execution.Status);
            var check = choreo.Run.ReadReport(execution);
            Assert.True(check.Agrees, string.Join("\n", check.Problems));
            Assert.Equal(names, check.Names);
            Assert.Equal(4, check.NumberOfPeople);
            Assert.Equal(names, check.People.Select(p => p.Name));
            Assert.Equal(4, check.People.Select(p => p.Key).Distinct().Count());
        }
    }

    [Fact]
    public async Task The_side_effect_runs_for_every_person_and_its_event_is_in_the_timeline()
    {
        await using var choreo = await LocalChoreo.DeployAsync(built);

        var execution = await choreo.RunToEndAsync(people: 3, seed: 9);
        await choreo.Cloud.EventBridge.WhenDeliveriesIdleAsync(CancellationToken.None);

        var timeline = choreo.Cloud.Timeline.For(execution.ExecutionArn);
        var sideEffectsDone = timeline.Where(e => e.Service == "events" && e.What.StartsWith("async.done", StringComparison.Ordinal)).ToList();
        // Put on the worker's bus, then forwarded by the return rule to the orchestrator's, where nothing waits on it.
        Assert.Equal(3, sideEffectsDone.Count(e => e.Account == choreo.Deployment.WorkerAccount.AccountId));
        Assert.Equal(3, sideEffectsDone.Count(e => e.Account == choreo.Deployment.OrchestratorAccount.AccountId));
        Assert.Contains(timeline, e => e.Account == choreo.Deployment.WorkerAccount.AccountId && e.What.Contains("SideEffect", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(timeline, e => e.Account == choreo.Deployment.OrchestratorAccount.AccountId && e.What == "ExecutionSucceeded");
    }
}
