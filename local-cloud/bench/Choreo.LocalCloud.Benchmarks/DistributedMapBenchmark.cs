using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Choreo.LocalCloud.Accounts;
using Choreo.LocalCloud.S3.Api;
using Choreo.LocalCloud.S3.Storage;
using Choreo.LocalCloud.StepFunctions.Api;
using Choreo.LocalCloud.StepFunctions.Execution;
using Choreo.LocalCloud.Time;

namespace Choreo.LocalCloud.Benchmarks;

/// <summary>
/// Issue 12's benchmark: one Standard execution whose Distributed Map reads N JSON Lines items from S3, batches
/// them 100 at a time and runs each batch as an Express child (a Pass counting its items); optionally exports
/// every child's result with a ResultWriter. The run fails unless every item was counted by a child.
/// </summary>
public static class DistributedMapBenchmark
{
    public static async Task<(TimeSpan Elapsed, long AllocatedBefore, string? Failure)> RunAsync(
        AccountContext account, string roleArn, int items, bool withResultWriter)
    {
        var clock = new SystemClock();
        IS3ObjectStore store = new InMemoryObjectStore(clock);
        store.TryCreateBucket(new BucketRecord("bench-items", account.AccountId, account.Region, clock.UtcNow));
        var lines = new StringBuilder();
        for (var i = 0; i < items; i++)
        {
            lines.Append(CultureInfo.InvariantCulture, $"{{\"id\":{i},\"name\":\"person-{i}\",\"group\":\"g{i % 50}\"}}\n");
        }

        store.PutObject("bench-items", "people.jsonl", Encoding.UTF8.GetBytes(lines.ToString()), "application/x-ndjson", new Dictionary<string, string>());
        lines.Clear();

        var engine = new StepFunctionsService(clock, buckets: new BucketObjectsAccess(store));
        var writer = withResultWriter
            ? ""","ResultWriter":{"Resource":"arn:aws:states:::s3:putObject","Parameters":{"Bucket":"bench-items","Prefix":"results"}}"""
            : string.Empty;
        var machine = (await engine.HandleAsync("CreateStateMachine", new JsonObject
        {
            ["name"] = withResultWriter ? "distributed-export" : "distributed",
            ["definition"] = """
                {"StartAt":"People","States":{"People":{"Type":"Map","Label":"People",
                  "ItemReader":{"Resource":"arn:aws:states:::s3:getObject","ReaderConfig":{"InputType":"JSONL"},
                    "Parameters":{"Bucket":"bench-items","Key":"people.jsonl"}},
                  "ItemBatcher":{"MaxItemsPerBatch":100},
                  "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"EXPRESS"},
                    "StartAt":"Count","States":{"Count":{"Type":"Pass","Parameters":{"count.$":"States.ArrayLength($.Items)"},"End":true}}}WRITER,
                  "End":true}}}
                """.Replace("WRITER", writer, StringComparison.Ordinal),
            ["roleArn"] = roleArn,
            ["type"] = "STANDARD",
        }, account, CancellationToken.None))["stateMachineArn"]!.GetValue<string>();

        GC.Collect();
        PeakWorkingSet.Reset();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        var started = await engine.HandleAsync("StartExecution", new JsonObject { ["stateMachineArn"] = machine }, account, CancellationToken.None);
        engine.TryGetExecution(started["executionArn"]!.GetValue<string>(), out var execution);
        await execution.Completion.WaitAsync(TimeSpan.FromMinutes(10));
        watch.Stop();
        if (execution.Status != ExecutionStatus.SUCCEEDED)
        {
            return (watch.Elapsed, allocatedBefore, $"Distributed Map over {items} items ended {execution.Status}: {execution.Error}: {execution.Cause}");
        }

        var counted = withResultWriter
            ? CountExported(store, JsonNode.Parse(execution.Output!)!["ResultWriterDetails"]!["Key"]!.GetValue<string>())
            : JsonNode.Parse(execution.Output!)!.AsArray().Sum(child => child!["count"]!.GetValue<int>());
        return counted == items
            ? (watch.Elapsed, allocatedBefore, null)
            : (watch.Elapsed, allocatedBefore, $"Distributed Map over {items} items: the children counted {counted}");
    }

    private static int CountExported(IS3ObjectStore store, string manifestKey)
    {
        var manifest = JsonNode.Parse(store.GetObject("bench-items", manifestKey)!.Data)!;
        var succeeded = manifest["ResultFiles"]!["SUCCEEDED"]!.AsArray().Single()!["Key"]!.GetValue<string>();
        return JsonNode.Parse(store.GetObject("bench-items", succeeded)!.Data)!.AsArray()
            .Sum(entry => JsonNode.Parse(entry!["Output"]!.GetValue<string>())!["count"]!.GetValue<int>());
    }
}
