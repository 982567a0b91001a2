using System.Text;
using System.Text.Json.Nodes;
using Choreo.LocalCloud.S3.Api;
using Choreo.LocalCloud.S3.Storage;
using Choreo.LocalCloud.Services;
using Choreo.LocalCloud.StepFunctions.Execution;
using Choreo.LocalCloud.Time;

namespace LocalCloud.Tests.StepFunctions;

/// <summary>A Step Functions harness whose Distributed Maps read and write a real in-memory S3 store.</summary>
public sealed class DistributedMapHarness
{
    public DistributedMapHarness(ILambdaInvoker? lambda = null, IEventBusGateway? events = null, bool autoAdvance = true)
    {
        Store = new InMemoryObjectStore(new SystemClock());
        Steps = new StepFunctionsHarness(events, lambda, new BucketObjectsAccess(Store), autoAdvance);
    }

    public IS3ObjectStore Store { get; }

    public StepFunctionsHarness Steps { get; }

    public void Bucket(string name, string ownerAccountId = "111111111111", string? policy = null)
    {
        Store.TryCreateBucket(new BucketRecord(name, ownerAccountId, "us-east-1", Steps.Clock.UtcNow, policy));
    }

    public void Put(string bucket, string key, string content) =>
        Store.PutObject(bucket, key, Encoding.UTF8.GetBytes(content), "application/octet-stream", new Dictionary<string, string>());

    public string Read(string bucket, string key) => Encoding.UTF8.GetString(Store.GetObject(bucket, key)!.Data);

    public async Task<ExecutionRun> RunAsync(string definition, string input = "{}")
    {
        var run = await Steps.StartAsync(await Steps.CreateAsync(definition), input);
        await run.Completion.WaitAsync(TimeSpan.FromSeconds(30));
        return run;
    }

    public async Task<JsonNode> HistoryAsync(ExecutionRun run) =>
        await Steps.CallAsync("GetExecutionHistory", new JsonObject { ["executionArn"] = run.ExecutionArn, ["maxResults"] = 1000 });

    public async Task<List<string>> EventTypesAsync(ExecutionRun run) =>
        (await HistoryAsync(run))["events"]!.AsArray().Select(e => e!["type"]!.GetValue<string>()).ToList();

    /// <summary>A machine with one Distributed Map state named Map; <paramref name="mapFields"/> are added to it.</summary>
    public static string Machine(string mapFields, string processor = """{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}""", string executionType = "STANDARD")
    {
        var processorNode = JsonNode.Parse(processor)!.AsObject();
        processorNode["ProcessorConfig"] = new JsonObject { ["Mode"] = "DISTRIBUTED", ["ExecutionType"] = executionType };
        var map = JsonNode.Parse(mapFields.TrimStart().StartsWith('{') ? mapFields : "{" + mapFields + "}")!.AsObject();
        map["Type"] = "Map";
        map["ItemProcessor"] = processorNode;
        map["End"] = true;
        return new JsonObject { ["StartAt"] = "Map", ["States"] = new JsonObject { ["Map"] = map } }.ToJsonString();
    }
}
