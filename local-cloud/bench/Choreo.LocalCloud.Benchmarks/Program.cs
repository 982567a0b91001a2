using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Choreo.LocalCloud.Accounts;
using Choreo.LocalCloud.Benchmarks;
using Choreo.LocalCloud.Composition;
using Choreo.LocalCloud.EventBridge.Model;
using Choreo.LocalCloud.Hosting;
using Choreo.LocalCloud.Lambda.Model;
using Choreo.LocalCloud.StepFunctions.Api;
using Choreo.LocalCloud.StepFunctions.Execution;
using Choreo.LocalCloud.Time;

// Usage: [map sizes...] [--round-trips N] [--max-concurrency M] [--distributed-items N] [--only distributed]  |  dynamodb [items]  |  s3-large-object [megabytes]
if (args is ["dynamodb", ..])
{
    return await DynamoDbLoadBenchmark.RunAsync(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000);
}

if (args is ["s3-large-object", .. var s3Arguments])
{
    var megabytes = s3Arguments is [var size] ? long.Parse(size, CultureInfo.InvariantCulture) : 1024;
    return await S3LargeObjectBenchmark.RunAsync(megabytes * 1024 * 1024);
}

var sizes = new List<int>();
var roundTrips = 2_000;
var maxConcurrency = 10;
var distributedItems = 100_000;
var onlyDistributed = false;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--distributed-items":
            distributedItems = int.Parse(args[++i], CultureInfo.InvariantCulture);
            break;
        case "--only" when i + 1 < args.Length && args[i + 1] == "distributed":
            onlyDistributed = true;
            i++;
            break;
        case "--round-trips":
            roundTrips = int.Parse(args[++i], CultureInfo.InvariantCulture);
            break;
        case "--max-concurrency":
            maxConcurrency = int.Parse(args[++i], CultureInfo.InvariantCulture);
            break;
        default:
            sizes.Add(int.Parse(args[i], CultureInfo.InvariantCulture));
            break;
    }
}
if (sizes.Count == 0)
{
    sizes.AddRange([1_000, 10_000, 100_000]);
}

// A Standard execution holds at most 25,000 history events; each round trip writes 8 (iteration, task and its callback).
const int maxRoundTrips = 3_000;
if (roundTrips < 1 || roundTrips > maxRoundTrips)
{
    Console.Error.WriteLine($"--round-trips {roundTrips} is out of range: one Standard execution fits 1 to {maxRoundTrips} round trips in its 25,000-event history.");
    return 2;
}

var account = new AccountContext("111111111111", "us-east-1");
const string roleArn = "arn:aws:iam::111111111111:role/bench";
Console.WriteLine(PeakWorkingSet.Reset()
    ? "peak WS MB is each benchmark's own peak (reset between benchmarks)"
    : "peak WS MB is the process's peak since start (this OS cannot reset it)");
Console.WriteLine($"{"benchmark",-42} {"items",9} {"seconds",9} {"items/s",12} {"peak WS MB",11} {"alloc MB",10}");

// ---- Distributed Map: items from S3 in batches, Express children ------------------------------------------------
foreach (var withResultWriter in new[] { false, true })
{
    var bench = await DistributedMapBenchmark.RunAsync(account, roleArn, distributedItems, withResultWriter);
    if (bench.Failure is not null)
    {
        Console.Error.WriteLine(bench.Failure);
        return 1;
    }

    Report(withResultWriter ? "distributed map S3 JSONL b=100 +ResultWriter" : "distributed map S3 JSONL b=100 (express)", distributedItems, bench.Elapsed, bench.AllocatedBefore);
}

if (onlyDistributed)
{
    return 0;
}

// ---- Map over Pass: the engine alone ---------------------------------------------------------------------------
var engine = new StepFunctionsService(new SystemClock());
var map = (await engine.HandleAsync("CreateStateMachine", new JsonObject
{
    ["name"] = "map",
    ["definition"] = """
        {"StartAt":"Chunks","States":{
          "Chunks":{"Type":"Pass","Parameters":{"chunks.$":"States.ArrayRange(1, $.chunks, 1)"},"Next":"Outer"},
          "Outer":{"Type":"Map","ItemsPath":"$.chunks","MaxConcurrency":1,
            "ItemSelector":{"items.$":"States.ArrayRange(1, 1000, 1)"},
            "ItemProcessor":{"StartAt":"Map","States":{"Map":{"Type":"Map","ItemsPath":"$.items",
              "ItemSelector":{"value.$":"$$.Map.Item.Value","index.$":"$$.Map.Item.Index"},
              "ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","Parameters":{"v.$":"$.value"},"End":true}}},
              "ResultPath":null,"End":true}}},
            "ResultPath":null,"End":true}}}
        """,
    ["roleArn"] = roleArn,
    ["type"] = "EXPRESS",
}, account, CancellationToken.None))["stateMachineArn"]!.GetValue<string>();

foreach (var n in sizes)
{
    // Execution input is limited to 256 KB, so the items are generated inside: N/1000 chunks of 1,000 Pass items.
    var input = $"{{\"chunks\":{Math.Max(1, n / 1000)}}}";
    var (allocatedBefore, watch) = Begin();
    var result = await engine.HandleAsync("StartSyncExecution", new JsonObject { ["stateMachineArn"] = map, ["input"] = input }, account, CancellationToken.None);
    watch.Stop();
    var status = result["status"]!.GetValue<string>();
    if (status != "SUCCEEDED")
    {
        Console.Error.WriteLine($"Map over {n} items ended {status}: {result["error"]} {result["cause"]}");
        return 1;
    }

    Report("map/pass (express)", n, watch.Elapsed, allocatedBefore);
}

// ---- waitForTaskToken round trips through the whole local-cloud ------------------------------------------------
// Step Functions puts each item's token on the default bus, a rule routes the event to an in-process Lambda, and
// the Lambda answers with SendTaskSuccess: the same services and seams `choreo run` uses, minus HTTP and processes.
LocalCloudInstance? cloud = null;
await using var instance = await LocalCloudInstance.StartAsync(new LocalCloudInstanceOptions
{
    Host = new LocalCloudOptions { Port = 0 },
    LambdaMode = LambdaExecutionMode.InProcess,
    InProcessFunctions = new TaskTokenAnsweringFunctionFactory(() => cloud!.StepFunctions, account),
});
cloud = instance;

var function = new LambdaFunction(account, "answer-task-token", TaskTokenAnsweringFunctionFactory.Handler, "provided.al2023", null,
    new Dictionary<string, string>(), TimeSpan.FromSeconds(30), 128);
instance.Functions.Put(function);
instance.EventBridge.PutRule(account, EventBridgeArn.DefaultBusName, "answer-task-tokens",
    """{"source":["bench.round-trip"],"detail-type":["TaskTokenRequested"]}""", enabled: true, null, null);
instance.EventBridge.PutTargets(account, EventBridgeArn.DefaultBusName, "answer-task-tokens",
    [new RuleTarget("answer", function.Arn, null, null, null, null, TargetRetryPolicy.Default, null)]);

var callback = (await instance.StepFunctions.HandleAsync("CreateStateMachine", new JsonObject
{
    ["name"] = "round-trip",
    ["definition"] = """
        {"StartAt":"Items","States":{"Items":{"Type":"Map","ItemsPath":"$.items","MaxConcurrency":MAX_CONCURRENCY,
          "ItemProcessor":{"StartAt":"PutAndWait","States":{"PutAndWait":{"Type":"Task",
            "Resource":"arn:aws:states:::events:putEvents.waitForTaskToken",
            "Parameters":{"Entries":[{"EventBusName":"default","Source":"bench.round-trip","DetailType":"TaskTokenRequested",
              "Detail":{"TaskToken.$":"$$.Task.Token","item.$":"$"}}]},
            "End":true}}},
          "ResultPath":null,"End":true}}}
        """.Replace("MAX_CONCURRENCY", maxConcurrency.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal),
    ["roleArn"] = roleArn,
    ["type"] = "STANDARD",
}, account, CancellationToken.None))["stateMachineArn"]!.GetValue<string>();

{
    var items = new JsonArray(Enumerable.Range(0, roundTrips).Select(i => (JsonNode?)i).ToArray());
    var input = new JsonObject { ["items"] = items }.ToJsonString();
    var (allocatedBefore, watch) = Begin();
    var started = await instance.StepFunctions.HandleAsync("StartExecution", new JsonObject { ["stateMachineArn"] = callback, ["input"] = input }, account, CancellationToken.None);
    var executionArn = started["executionArn"]!.GetValue<string>();
    if (!instance.StepFunctions.TryGetExecution(executionArn, out var execution))
    {
        Console.Error.WriteLine($"Execution {executionArn} was started but cannot be found.");
        return 1;
    }
    try
    {
        await execution.Completion.WaitAsync(TimeSpan.FromMinutes(10));
    }
    catch (TimeoutException)
    {
        Console.Error.WriteLine($"{roundTrips} round trips did not finish within 10 minutes (execution {executionArn} is {execution.Status}).");
        return 1;
    }
    watch.Stop();
    if (execution.Status != ExecutionStatus.SUCCEEDED)
    {
        Console.Error.WriteLine($"{roundTrips} round trips ended {execution.Status}: {execution.Error}: {execution.Cause}");
        return 1;
    }
    var routed = instance.EventBridge.Journal.Snapshot().Count(entry => entry.MatchedRules == 1);
    if (routed != roundTrips)
    {
        Console.Error.WriteLine($"Expected {roundTrips} events routed to the answering function, EventBridge routed {routed}.");
        return 1;
    }

    Report($"waitForTaskToken via EventBridge (Map c={maxConcurrency})", roundTrips, watch.Elapsed, allocatedBefore);
}

return 0;

static (long AllocatedBefore, Stopwatch Watch) Begin()
{
    GC.Collect();
    PeakWorkingSet.Reset();
    return (GC.GetTotalAllocatedBytes(precise: true), Stopwatch.StartNew());
}

static void Report(string name, int items, TimeSpan elapsed, long allocatedBefore)
{
    var allocated = (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / (1024.0 * 1024);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{name,-42} {items,9} {elapsed.TotalSeconds,9:F3} {items / elapsed.TotalSeconds,12:F0} {PeakWorkingSet.Megabytes(),11:F0} {allocated,10:F0}"));
}
