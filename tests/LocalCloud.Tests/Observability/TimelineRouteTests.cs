using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Choreo.LocalCloud.Accounts;
using Choreo.LocalCloud.Composition;
using Choreo.LocalCloud.Hosting;
using Choreo.LocalCloud.Observability;

namespace LocalCloud.Tests.Observability;

/// <summary>What <c>choreo trace</c> reads from a running local-cloud: GET /_choreo/timeline over HTTP.</summary>
public sealed class TimelineRouteTests : IAsyncLifetime
{
    private static readonly AccountContext Orchestrator = new("111111111111", "us-east-1");
    private readonly HttpClient _http = new();
    private LocalCloudInstance _cloud = null!;

    public async Task InitializeAsync() =>
        _cloud = await LocalCloudInstance.StartAsync(new LocalCloudInstanceOptions { Host = new LocalCloudOptions { Port = 0 } });

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _cloud.DisposeAsync();
    }

    [Fact]
    public async Task The_timeline_of_an_execution_lists_its_state_transitions_in_order()
    {
        var machine = await _cloud.StepFunctions.HandleAsync("CreateStateMachine", new JsonObject
        {
            ["name"] = "Traced",
            ["roleArn"] = "arn:aws:iam::111111111111:role/sfn",
            ["definition"] = """{"StartAt":"Hello","States":{"Hello":{"Type":"Pass","Result":"hi","End":true}}}""",
        }, Orchestrator, CancellationToken.None);
        var started = await _cloud.StepFunctions.HandleAsync("StartExecution", new JsonObject { ["stateMachineArn"] = machine["stateMachineArn"]!.ToString() }, Orchestrator, CancellationToken.None);
        var executionArn = started["executionArn"]!.ToString();
        Assert.True(_cloud.StepFunctions.TryGetExecution(executionArn, out var execution));
        await execution.Completion.WaitAsync(TimeSpan.FromSeconds(10));

        var response = await _http.GetAsync(new Uri(_cloud.Host.BaseUrl, $"{TimelineRoute.Path}?execution={Uri.EscapeDataString(executionArn)}"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = JsonSerializer.Deserialize(await response.Content.ReadAsStringAsync(), TimelineJsonContext.Default.TimelineDocument)!;
        Assert.Equal("SUCCEEDED", document.Status);
        Assert.Equal(["ExecutionStarted", "PassStateEntered", "ExecutionSucceeded"], document.Entries.Select(e => e.What));
        Assert.All(document.Entries, e => Assert.Equal(Orchestrator.AccountId, e.Account));
    }

    [Fact]
    public async Task An_unknown_execution_is_a_404_that_names_it()
    {
        var response = await _http.GetAsync(new Uri(_cloud.Host.BaseUrl, $"{TimelineRoute.Path}?execution=arn:aws:states:us-east-1:111111111111:execution:M:nope"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("execution:M:nope", await response.Content.ReadAsStringAsync());
    }
}
