using System.Text.Json.Nodes;
using Choreo.LocalCloud.StepFunctions.Execution;

namespace LocalCloud.Tests.StepFunctions;

public sealed class DistributedMapTests
{
    private const string WorkLambda = "arn:aws:lambda:us-east-1:111111111111:function:work";

    private static readonly string LambdaProcessor =
        $$$$"""{"StartAt":"Work","States":{"Work":{"Type":"Task","Resource":"{{{{WorkLambda}}}}","End":true}}}""";

    private static string JsonReader(string key) =>
        $$$$"""{"ItemReader":{"Resource":"arn:aws:states:::s3:getObject","ReaderConfig":{"InputType":"JSON"},"Parameters":{"Bucket":"items","Key":"{{{{key}}}}"}}}""";

    [Fact]
    public async Task Items_of_a_JSON_array_in_S3_each_run_as_a_child_execution_and_their_outputs_come_back_in_order()
    {
        var harness = new DistributedMapHarness();
        harness.Bucket("items");
        harness.Put("items", "list.json", """[{"n":1},{"n":2},{"n":3}]""");

        var run = await harness.RunAsync(DistributedMapHarness.Machine(JsonReader("list.json")));

        Assert.Equal(ExecutionStatus.SUCCEEDED, run.Status);
        Assert.Equal("""[{"n":1},{"n":2},{"n":3}]""", run.Output);
        Assert.Equal(
            ["ExecutionStarted", "MapStateEntered", "MapStateStarted", "MapRunStarted", "MapRunSucceeded", "MapStateSucceeded", "MapStateExited", "ExecutionSucceeded"],
            await harness.EventTypesAsync(run));
        var history = await harness.HistoryAsync(run);
        Assert.Equal(0, history["events"]![2]!["mapStateStartedEventDetails"]!["length"]!.GetValue<int>());
    }

    [Fact]
    public async Task Items_from_the_state_input_run_as_children_and_MapStateStarted_counts_them()
    {
        var harness = new DistributedMapHarness();
        var run = await harness.RunAsync(DistributedMapHarness.Machine("\"ItemsPath\":\"$.things\""), """{"things":["a","b"]}""");

        Assert.Equal("""["a","b"]""", run.Output);
        var history = await harness.HistoryAsync(run);
        Assert.Equal(2, history["events"]![2]!["mapStateStartedEventDetails"]!["length"]!.GetValue<int>());
    }

    [Fact]
    public async Task JSONL_items_are_batched_by_MaxItemsPerBatch_and_each_child_gets_Items_and_BatchInput()
    {
        var harness = new DistributedMapHarness();
        harness.Bucket("items");
        harness.Put("items", "rows.jsonl", "{\"id\":1}\n{\"id\":2}\r\n\n{\"id\":3}\n{\"id\":4}\n{\"id\":5}\n");

        var run = await harness.RunAsync(DistributedMapHarness.Machine(
            """
            {"ItemReader":{"Resource":"arn:aws:states:::s3:getObject","ReaderConfig":{"InputType":"JSONL"},"Parameters":{"Bucket":"items","Key":"rows.jsonl"}},
            "ItemBatcher":{"MaxItemsPerBatch":2,"BatchInput":{"job.$":"$.job"}}}
            """), """{"job":"j-1"}""");

        Assert.Equal(ExecutionStatus.SUCCEEDED, run.Status);
        Assert.Equal(
            """[{"BatchInput":{"job":"j-1"},"Items":[{"id":1},{"id":2}]},{"BatchInput":{"job":"j-1"},"Items":[{"id":3},{"id":4}]},{"BatchInput":{"job":"j-1"},"Items":[{"id":5}]}]""",
            run.Output);
    }

    [Fact]
    public async Task MaxInputBytesPerBatch_closes_a_batch_before_it_grows_past_the_byte_limit()
    {
        var harness = new DistributedMapHarness();
        var items = new JsonArray(Enumerable.Range(0, 10).Select(i => (JsonNode?)new string('x', 40)).ToArray());
        var run = await harness.RunAsync(DistributedMapHarness.Machine("\"ItemBatcher\":{\"MaxInputBytesPerBatch\":120}"), items.ToJsonString());

        var batches = JsonNode.Parse(run.Output!)!.AsArray();
        Assert.True(batches.Count > 1);
        Assert.All(batches, b => Assert.True(b!.ToJsonString().Length <= 120, b.ToJsonString()));
        Assert.Equal(10, batches.Sum(b => b!["Items"]!.AsArray().Count));
    }

    [Fact]
    public async Task CSV_rows_become_objects_keyed_by_the_first_row_and_MaxItems_keeps_the_first_ones()
    {
        var harness = new DistributedMapHarness();
        harness.Bucket("items");
        harness.Put("items", "people.csv", "name,city\r\nAda,\"London, UK\"\r\n\"Bob \"\"B\"\"\",Paris\r\nCy,Rome\r\n");

        var run = await harness.RunAsync(DistributedMapHarness.Machine(
            """{"ItemReader":{"Resource":"arn:aws:states:::s3:getObject","ReaderConfig":{"InputType":"CSV","CSVHeaderLocation":"FIRST_ROW","MaxItems":2},"Parameters":{"Bucket":"items","Key":"people.csv"}}}"""));

        Assert.Equal("""[{"name":"Ada","city":"London, UK"},{"name":"Bob \"B\"","city":"Paris"}]""", run.Output);
    }

    [Fact]
    public async Task CSV_with_given_headers_drops_fields_past_the_last_header()
    {
        var harness = new DistributedMapHarness();
        harness.Bucket("items");
        harness.Put("items", "rows.csv", "Value1,Value2\nValue4,Value5\n");

        var run = await harness.RunAsync(DistributedMapHarness.Machine(
            """{"ItemReader":{"Resource":"arn:aws:states:::s3:getObject","ReaderConfig":{"InputType":"CSV","CSVHeaderLocation":"GIVEN","CSVHeaders":["H1"]},"Parameters":{"Bucket":"items","Key":"rows.csv"}}}"""));

        Assert.Equal("""[{"H1":"Value1"},{"H1":"Value4"}]""", run.Output);
    }

    [Fact]
    public async Task CSV_headers_with_duplicates_fail_the_map_run_with_ItemReaderFailed()
    {
        var harness = new DistributedMapHarness();
        harness.Bucket("items");
        harness.Put("items", "rows.csv", "a,b\n");

        var run = await harness.RunAsync(DistributedMapHarness.Machine(
            """{"ItemReader":{"Resource":"arn:aws:states:::s3:getObject","ReaderConfig":{"InputType":"CSV","CSVHeaderLocation":"GIVEN","CSVHeaders":["H","H"]},"Parameters":{"Bucket":"items","Key":"rows.csv"}}}"""));

        Assert.Equal(ExecutionStatus.FAILED, run.Status);
        Assert.Equal("States.ItemReaderFailed", run.Error);
        Assert.Equal("CSV headers cannot contain duplicates.", run.Cause);
    }

    [Fact]
    public async Task A_JSON_object_that_is_not_an_array_fails_the_map_run_with_ItemReaderFailed()
    {
        var harness = new DistributedMapHarness();
        harness.Bucket("items");
        harness.Put("items", "object.json", """{"not":"a list"}""");

        var run = await harness.RunAsync(DistributedMapHarness.Machine(JsonReader("object.json")));

        Assert.Equal("States.ItemReaderFailed", run.Error);
        Assert.Equal("Attempting to map over non-iterable node.", run.Cause);
        var types = await harness.EventTypesAsync(run);
        Assert.Equal(["MapRunStarted", "MapRunFailed", "MapStateFailed", "ExecutionFailed"], types.Skip(3));
        var failed = (await harness.HistoryAsync(run))["events"]![4]!["mapRunFailedEventDetails"]!;
        Assert.Equal("States.ItemReaderFailed", failed["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task ListObjectsV2_gives_one_item_per_object_under_the_prefix_in_key_order()
    {
        var harness = new DistributedMapHarness();
        harness.Bucket("items");
        harness.Put("items", "in/b.txt", "bb");
        harness.Put("items", "in/a.txt", "a");
        harness.Put("items", "out/c.txt", "c");

        var run = await harness.RunAsync(DistributedMapHarness.Machine(
            """{"ItemReader":{"Resource":"arn:aws:states:::s3:listObjectsV2","Parameters":{"Bucket":"items","Prefix":"in/"}}}"""));

        var items = JsonNode.Parse(run.Output!)!.AsArray();
        Assert.Equal(["in/a.txt", "in/b.txt"], items.Select(i => i!["Key"]!.GetValue<string>()));
        Assert.Equal(2, items[1]!["Size"]!.GetValue<long>());
        Assert.Equal("STANDARD", items[0]!["StorageClass"]!.GetValue<string>());
        Assert.StartsWith("\"", items[0]!["Etag"]!.GetValue<string>());
        Assert.NotNull(items[0]!["LastModified"]);
    }

    [Fact]
    public async Task Another_accounts_bucket_is_readable_only_when_its_policy_admits_the_state_machines_account()
    {
        var harness = new DistributedMapHarness();
        harness.Bucket("worker-items", ownerAccountId: "222222222222");
        harness.Put("worker-items", "list.json", "[1,2]");
        var definition = DistributedMapHarness.Machine(
            """{"ItemReader":{"Resource":"arn:aws:states:::s3:getObject","ReaderConfig":{"InputType":"JSON"},"Parameters":{"Bucket":"worker-items","Key":"list.json"}}}""");

        var refused = await harness.RunAsync(definition);
        Assert.Equal("States.ItemReaderFailed", refused.Error);
        Assert.Contains("AccessDenied", refused.Cause);

        harness.Store.SetBucketPolicy("worker-items", """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111111111111:root"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::worker-items/*"}]}
            """);
        var admitted = await harness.Steps.StartAsync(harness.Steps.Service.ExecutionsOf(refused.StateMachine.Arn)[0].StateMachine.Arn);
        await admitted.Completion.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(ExecutionStatus.SUCCEEDED, admitted.Status);
        Assert.Equal("[1,2]", admitted.Output);
    }

    [Fact]
    public async Task Failures_within_ToleratedFailureCount_succeed_with_error_entries_and_past_it_fail_with_ExceedToleratedFailureThreshold()
    {
        var input = """{"items":[{"bad":true},{"ok":1},{"bad":true}]}""";
        var tolerant = new DistributedMapHarness(new ItemLambda());
        var within = await tolerant.RunAsync(
            DistributedMapHarness.Machine("\"ItemsPath\":\"$.items\",\"ToleratedFailureCount\":2", LambdaProcessor), input);
        Assert.True(within.Status == ExecutionStatus.SUCCEEDED, within.Error + within.Cause);
        var outputs = JsonNode.Parse(within.Output!)!.AsArray();
        Assert.Equal("ItemRejected", outputs[0]!["Error"]!.GetValue<string>());
        Assert.Equal("""{"ok":1}""", outputs[1]!.ToJsonString());

        var strict = new DistributedMapHarness(new ItemLambda());
        var past = await strict.RunAsync(
            DistributedMapHarness.Machine("\"ItemsPath\":\"$.items\",\"ToleratedFailurePercentage\":50,\"MaxConcurrency\":1", LambdaProcessor), input);
        Assert.Equal(ExecutionStatus.FAILED, past.Status);
        Assert.Equal("States.ExceedToleratedFailureThreshold", past.Error);
        Assert.Contains("MapRunFailed", await strict.EventTypesAsync(past));
    }

    [Fact]
    public async Task Without_a_threshold_one_failed_child_fails_the_map_run()
    {
        var harness = new DistributedMapHarness(new ItemLambda());
        var run = await harness.RunAsync(
            DistributedMapHarness.Machine("\"ItemsPath\":\"$.items\"", LambdaProcessor), """{"items":[{"ok":1},{"bad":true}]}""");

        Assert.Equal("States.ExceedToleratedFailureThreshold", run.Error);
    }

    [Fact]
    public async Task ResultWriter_writes_a_manifest_and_SUCCEEDED_and_FAILED_files_under_the_prefix_and_map_run_id()
    {
        var harness = new DistributedMapHarness(new ItemLambda());
        harness.Bucket("results");
        var run = await harness.RunAsync(DistributedMapHarness.Machine(
            """{"ItemsPath":"$.items","ToleratedFailureCount":1,"Label":"Export","ResultWriter":{"Resource":"arn:aws:states:::s3:putObject","Parameters":{"Bucket":"results","Prefix":"jobs"}}}""",
            LambdaProcessor), """{"items":[{"ok":1},{"bad":true}]}""");

        Assert.Equal(ExecutionStatus.SUCCEEDED, run.Status);
        var output = JsonNode.Parse(run.Output!)!;
        var mapRunArn = output["MapRunArn"]!.GetValue<string>();
        Assert.Matches(@"^arn:aws:states:us-east-1:111111111111:mapRun:machine/Export:[0-9a-f-]{36}$", mapRunArn);
        var runId = mapRunArn[(mapRunArn.LastIndexOf(':') + 1)..];
        Assert.Equal("results", output["ResultWriterDetails"]!["Bucket"]!.GetValue<string>());
        Assert.Equal($"jobs/{runId}/manifest.json", output["ResultWriterDetails"]!["Key"]!.GetValue<string>());

        var manifest = JsonNode.Parse(harness.Read("results", $"jobs/{runId}/manifest.json"))!;
        Assert.Equal("results", manifest["DestinationBucket"]!.GetValue<string>());
        Assert.Equal(mapRunArn, manifest["MapRunArn"]!.GetValue<string>());
        Assert.Equal($"jobs/{runId}/SUCCEEDED_0.json", manifest["ResultFiles"]!["SUCCEEDED"]![0]!["Key"]!.GetValue<string>());
        Assert.Equal($"jobs/{runId}/FAILED_0.json", manifest["ResultFiles"]!["FAILED"]![0]!["Key"]!.GetValue<string>());
        Assert.Empty(manifest["ResultFiles"]!["PENDING"]!.AsArray());

        var succeeded = JsonNode.Parse(harness.Read("results", $"jobs/{runId}/SUCCEEDED_0.json"))!.AsArray();
        var entry = Assert.Single(succeeded)!;
        Assert.Equal("""{"ok":1}""", entry["Input"]!.GetValue<string>());
        Assert.Equal("""{"ok":1}""", entry["Output"]!.GetValue<string>());
        Assert.Equal("SUCCEEDED", entry["Status"]!.GetValue<string>());
        Assert.StartsWith("arn:aws:states:us-east-1:111111111111:execution:machine/Export:", entry["ExecutionArn"]!.GetValue<string>());
        Assert.Equal("arn:aws:states:us-east-1:111111111111:stateMachine:machine/Export", entry["StateMachineArn"]!.GetValue<string>());
        var failed = Assert.Single(JsonNode.Parse(harness.Read("results", $"jobs/{runId}/FAILED_0.json"))!.AsArray())!;
        Assert.Equal("ItemRejected", failed["Error"]!.GetValue<string>());
        Assert.Equal("FAILED", failed["Status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Express_children_have_express_execution_arns()
    {
        var harness = new DistributedMapHarness();
        var run = await harness.RunAsync(DistributedMapHarness.Machine("\"Label\":\"Fast\"", executionType: "EXPRESS"), "[1]");

        Assert.Equal("[1]", run.Output);
        var child = harness.Steps.Service.ExecutionsOf("arn:aws:states:us-east-1:111111111111:stateMachine:machine/Fast").Single();
        Assert.StartsWith("arn:aws:states:us-east-1:111111111111:express:machine/Fast:", child.ExecutionArn);
        Assert.True(child.StateMachine.IsExpress);
    }
}
