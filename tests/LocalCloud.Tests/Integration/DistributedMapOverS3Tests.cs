using System.Text.Json.Nodes;
using Amazon.S3.Model;
using Choreo.LocalCloud.Accounts;
using Choreo.LocalCloud.Composition;
using Choreo.LocalCloud.Hosting;
using Choreo.LocalCloud.StepFunctions.Execution;
using LocalCloud.Tests.S3;

namespace LocalCloud.Tests.Integration;

/// <summary>
/// A whole local-cloud: the worker account keeps items in its bucket through the S3 wire API, and the orchestrator
/// account's Distributed Map reads them only once the worker's bucket policy admits the orchestrator.
/// </summary>
public sealed class DistributedMapOverS3Tests : IAsyncLifetime
{
    private static readonly AccountContext Orchestrator = new("111111111111", "us-east-1");

    private LocalCloudInstance _cloud = null!;

    public async Task InitializeAsync() =>
        _cloud = await LocalCloudInstance.StartAsync(new LocalCloudInstanceOptions { Host = new LocalCloudOptions { Port = 0 } });

    public async Task DisposeAsync() => await _cloud.DisposeAsync();

    [Fact]
    public async Task A_map_over_the_workers_bucket_is_refused_until_its_policy_admits_the_orchestrator_and_results_land_in_the_orchestrators_bucket()
    {
        using var worker = S3Clients.For(_cloud.Host, accessKeyId: "222222222222");
        using var orchestrator = S3Clients.For(_cloud.Host, accessKeyId: Orchestrator.AccountId);
        await worker.PutBucketAsync("worker-export");
        await worker.PutObjectAsync(new PutObjectRequest { BucketName = "worker-export", Key = "people.jsonl", ContentBody = "{\"id\":1}\n{\"id\":2}\n{\"id\":3}\n" });
        await orchestrator.PutBucketAsync("orchestrator-results");
        var machine = (await Call("CreateStateMachine", new JsonObject
        {
            ["name"] = "migrate",
            ["roleArn"] = "arn:aws:iam::111111111111:role/sfn",
            ["definition"] = """
                {"StartAt":"People","States":{"People":{"Type":"Map","Label":"People",
                  "ItemReader":{"Resource":"arn:aws:states:::s3:getObject","ReaderConfig":{"InputType":"JSONL"},
                    "Parameters":{"Bucket":"worker-export","Key":"people.jsonl"}},
                  "ItemBatcher":{"MaxItemsPerBatch":2},
                  "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"EXPRESS"},
                    "StartAt":"Count","States":{"Count":{"Type":"Pass","Parameters":{"count.$":"States.ArrayLength($.Items)"},"End":true}}},
                  "ResultWriter":{"Resource":"arn:aws:states:::s3:putObject","Parameters":{"Bucket":"orchestrator-results","Prefix":"runs"}},
                  "End":true}}}
                """,
        }))["stateMachineArn"]!.GetValue<string>();

        var refused = await RunAsync(machine);
        Assert.Equal("States.ItemReaderFailed", refused.Error);
        Assert.Contains("AccessDenied", refused.Cause);

        await worker.PutBucketPolicyAsync("worker-export", """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111111111111:root"},
              "Action":"s3:GetObject","Resource":"arn:aws:s3:::worker-export/*"}]}
            """);
        var admitted = await RunAsync(machine);

        Assert.Equal(ExecutionStatus.SUCCEEDED, admitted.Status);
        var manifestKey = JsonNode.Parse(admitted.Output!)!["ResultWriterDetails"]!["Key"]!.GetValue<string>();
        using var manifestObject = await orchestrator.GetObjectAsync("orchestrator-results", manifestKey);
        var manifest = JsonNode.Parse(await new StreamReader(manifestObject.ResponseStream).ReadToEndAsync())!;
        var succeededKey = manifest["ResultFiles"]!["SUCCEEDED"]![0]!["Key"]!.GetValue<string>();
        using var succeededObject = await orchestrator.GetObjectAsync("orchestrator-results", succeededKey);
        var entries = JsonNode.Parse(await new StreamReader(succeededObject.ResponseStream).ReadToEndAsync())!.AsArray();
        Assert.Equal(3, entries.Sum(e => JsonNode.Parse(e!["Output"]!.GetValue<string>())!["count"]!.GetValue<int>()));
    }

    private async Task<JsonNode> Call(string operation, JsonObject body) =>
        await _cloud.StepFunctions.HandleAsync(operation, body, Orchestrator, CancellationToken.None);

    private async Task<ExecutionRun> RunAsync(string machine)
    {
        var started = await Call("StartExecution", new JsonObject { ["stateMachineArn"] = machine });
        _cloud.StepFunctions.TryGetExecution(started["executionArn"]!.GetValue<string>(), out var run);
        await run.Completion.WaitAsync(TimeSpan.FromSeconds(30));
        return run;
    }
}
