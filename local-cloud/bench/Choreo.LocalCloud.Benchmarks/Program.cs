using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Choreo.LocalCloud.Accounts;
using Choreo.LocalCloud.Benchmarks;
using Choreo.LocalCloud.StepFunctions.Api;
using Choreo.LocalCloud.Time;

var sizes = args.Length > 0 ? args.Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray() : [1_000, 10_000, 100_000];
var account = new AccountContext("111111111111", "us-east-1");
var bus = new CallbackBus();
var service = new StepFunctionsService(new SystemClock(), bus);
bus.Service = service;

async Task<string> CreateAsync(string name, string definition, string type) =>
    (await service.HandleAsync("CreateStateMachine", new JsonObject
    {
        ["name"] = name,
        ["definition"] = definition,
        ["roleArn"] = "arn:aws:iam::111111111111:role/bench",
        ["type"] = type,
    }, account, CancellationToken.None))["stateMachineArn"]!.GetValue<string>();

var map = await CreateAsync("map", """
    {"StartAt":"Chunks","States":{
      "Chunks":{"Type":"Pass","Parameters":{"chunks.$":"States.ArrayRange(1, $.chunks, 1)"},"Next":"Outer"},
      "Outer":{"Type":"Map","ItemsPath":"$.chunks","MaxConcurrency":1,
        "ItemSelector":{"items.$":"States.ArrayRange(1, 1000, 1)"},
        "ItemProcessor":{"StartAt":"Map","States":{"Map":{"Type":"Map","ItemsPath":"$.items",
          "ItemSelector":{"value.$":"$$.Map.Item.Value","index.$":"$$.Map.Item.Index"},
          "ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","Parameters":{"v.$":"$.value"},"End":true}}},
          "ResultPath":null,"End":true}}},
        "ResultPath":null,"End":true}}}
    """, "EXPRESS");

Console.WriteLine($"{"benchmark",-28} {"items",9} {"seconds",9} {"items/s",12} {"peak WS MB",11} {"alloc MB",10}");
foreach (var n in sizes)
{
    // Execution input is limited to 256 KB, so the items are generated inside: N/1000 chunks of 1,000 Pass items.
    var input = $"{{\"chunks\":{Math.Max(1, n / 1000)}}}";
    GC.Collect();
    var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
    var watch = Stopwatch.StartNew();
    var result = await service.HandleAsync("StartSyncExecution", new JsonObject { ["stateMachineArn"] = map, ["input"] = input }, account, CancellationToken.None);
    watch.Stop();
    var status = result["status"]!.GetValue<string>();
    if (status != "SUCCEEDED")
    {
        Console.WriteLine($"Map over {n} items ended {status}: {result["error"]} {result["cause"]}");
        return 1;
    }

    Report($"map/pass (express)", n, watch.Elapsed, allocatedBefore);
}

var callback = await CreateAsync("callback", """
    {"StartAt":"Ask","States":{"Ask":{"Type":"Task","Resource":"arn:aws:states:::events:putEvents.waitForTaskToken",
      "Parameters":{"Entries":[{"Source":"bench","DetailType":"Ask","Detail":{"token.$":"$$.Task.Token"}}]},"End":true}}}
    """, "EXPRESS");
const int roundTrips = 2_000;
{
    GC.Collect();
    var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
    var watch = Stopwatch.StartNew();
    var tasks = Enumerable.Range(0, roundTrips).Select(_ =>
        service.HandleAsync("StartSyncExecution", new JsonObject { ["stateMachineArn"] = callback, ["input"] = "{}" }, account, CancellationToken.None));
    var results = await Task.WhenAll(tasks);
    watch.Stop();
    var failed = results.Count(r => r["status"]!.GetValue<string>() != "SUCCEEDED");
    if (failed > 0)
    {
        var first = results.First(r => r["status"]!.GetValue<string>() != "SUCCEEDED");
        Console.WriteLine($"{failed} callback round trips did not succeed, e.g. {first["error"]}: {first["cause"]}");
        return 1;
    }

    Report("waitForTaskToken round trip", roundTrips, watch.Elapsed, allocatedBefore);
}

return 0;

static void Report(string name, int items, TimeSpan elapsed, long allocatedBefore)
{
    var peak = Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024);
    var allocated = (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / (1024.0 * 1024);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{name,-28} {items,9} {elapsed.TotalSeconds,9:F3} {items / elapsed.TotalSeconds,12:F0} {peak,11:F0} {allocated,10:F0}"));
}
