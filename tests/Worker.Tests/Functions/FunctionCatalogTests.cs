using System.Text.Json.Nodes;
using Choreo.Contracts;
using Choreo.Worker.Functions;
using Choreo.Worker.Functions.Hosting;
using Worker.Tests.Functions.Fakes;
using Worker.Tests.Runtime.Fakes;

namespace Worker.Tests.Functions;

public sealed class FunctionCatalogTests
{
    private static Dictionary<string, string> Environment(params (string Key, string Value)[] extra)
    {
        var env = new Dictionary<string, string>
        {
            ["AWS_REGION"] = "us-east-1",
            ["AWS_LAMBDA_FUNCTION_NAME"] = "worker-getMultiple",
            ["AWS_ACCESS_KEY_ID"] = "AKIDLOCAL",
            ["AWS_SECRET_ACCESS_KEY"] = "secret",
            ["AWS_ENDPOINT_URL"] = "http://127.0.0.1:4566",
            ["EVENT_BUS"] = "worker",
            ["EVENT_SOURCE"] = Sources.Worker,
        };
        foreach (var (key, value) in extra)
        {
            env[key] = value;
        }
        return env;
    }

    [Fact]
    public void An_unknown_handler_is_refused_with_the_known_names()
    {
        var error = Assert.Throws<ArgumentException>(() => FunctionCatalog.Create("getUsers", Environment()));

        Assert.StartsWith("Unknown handler 'getUsers' (_HANDLER); known: getMultiple, processSingle, postProcessSingle, sideEffect, postProcessAll, failureRelay", error.Message);
    }

    [Fact]
    public void A_handler_that_uses_the_bucket_needs_BUCKET()
    {
        var error = Assert.Throws<InvalidOperationException>(() => FunctionCatalog.Create(HandlerNames.ProcessSingle, Environment()));

        Assert.Equal("Worker configuration: BUCKET is not set for handler 'processSingle' (the bucket this handler reads and writes)", error.Message);
    }

    [Fact]
    public async Task A_catalog_function_puts_its_answer_on_the_configured_bus_through_the_configured_endpoint()
    {
        var transport = new CapturingHandler();
        var logs = new StringWriter();
        using var function = FunctionCatalog.Create(HandlerNames.GetMultiple, Environment(), new FunctionHostOptions(logs, HttpTransport: transport));
        var detail = WorkerHarness.TaskDetail("GetUsers");
        detail["options"] = new JsonObject { ["people"] = 2, ["seed"] = 7 };

        var response = await function.InvokeAsync(WorkerHarness.Event(DetailTypes.GetUsers, Sources.Orchestrator, detail), WorkerHarness.Context, CancellationToken.None);

        Assert.Null(response);
        var (request, body) = Assert.Single(transport.Requests);
        Assert.Equal(new Uri("http://127.0.0.1:4566/"), request.RequestUri);
        var entry = JsonNode.Parse(body)!["Entries"]![0]!;
        Assert.Equal("worker", (string?)entry["EventBusName"]);
        Assert.Equal(Sources.Worker, (string?)entry["Source"]);
        Assert.Equal(DetailTypes.Done, (string?)entry["DetailType"]);
        Assert.Equal(2, JsonNode.Parse((string)entry["Detail"]!)!["names"]!.AsArray().Count);
        Assert.Contains("\"requestId\":\"req-1\"", logs.ToString());
    }
}
