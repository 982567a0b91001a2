using System.Text.Json.Nodes;
using Choreo.LocalCloud.Composition;
using Choreo.LocalCloud.Hosting;

namespace LocalCloud.Tests.Integration;

/// <summary>
/// PutTargets with another account's bus as the target, through the awsJson 1.1 wire protocol over loopback HTTP:
/// refused until the peer's bus policy admits the rule's account, accepted once PutPermission has run.
/// </summary>
public sealed class CrossAccountBusTargetOverHttpTests : IAsyncLifetime
{
    private const string Orchestrator = "111111111111";
    private const string Worker = "222222222222";
    private const string WorkerBusArn = "arn:aws:events:us-east-1:222222222222:event-bus/worker";

    private readonly HttpClient _http = new();
    private LocalCloudInstance _cloud = null!;

    public async Task InitializeAsync() =>
        _cloud = await LocalCloudInstance.StartAsync(new LocalCloudInstanceOptions { Host = new LocalCloudOptions { Port = 0 } });

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _cloud.DisposeAsync();
    }

    private SignedAwsJsonClient EventsAs(string account) => new(_http, _cloud.Host.BaseUrl, "AWSEvents", "events", account);

    private static JsonObject ForwardTarget() => new()
    {
        ["Rule"] = "forward-to-worker",
        ["Targets"] = new JsonArray(new JsonObject
        {
            ["Id"] = "worker-bus",
            ["Arn"] = WorkerBusArn,
            ["RoleArn"] = "arn:aws:iam::111111111111:role/forward-to-worker",
        }),
    };

    [Fact]
    public async Task A_bus_target_in_another_account_is_refused_before_the_peer_policy_exists_and_accepted_after()
    {
        var worker = EventsAs(Worker);
        var orchestrator = EventsAs(Orchestrator);
        Assert.Equal(200, (await worker.CallAsync("CreateEventBus", new() { ["Name"] = "worker" })).Status);
        Assert.Equal(200, (await orchestrator.CallAsync("PutRule", new() { ["Name"] = "forward-to-worker", ["EventPattern"] = """{"source":["choreo.orchestrator"]}""" })).Status);

        var (refusedStatus, refused) = await orchestrator.CallAsync("PutTargets", ForwardTarget());

        Assert.Equal(400, refusedStatus);
        Assert.Equal("AccessDeniedException", refused["__type"]!.GetValue<string>());
        Assert.Equal(
            $"User: arn:aws:iam::{Orchestrator}:root is not authorized to perform: events:PutEvents on resource: {WorkerBusArn} because no resource-based policy allows the events:PutEvents action",
            refused["message"]!.GetValue<string>());
        var (_, before) = await orchestrator.CallAsync("ListTargetsByRule", new() { ["Rule"] = "forward-to-worker" });
        Assert.Empty(before["Targets"]!.AsArray());

        Assert.Equal(200, (await worker.CallAsync("PutPermission", new()
        {
            ["EventBusName"] = "worker",
            ["StatementId"] = "admit-orchestrator",
            ["Action"] = "events:PutEvents",
            ["Principal"] = Orchestrator,
        })).Status);
        var (acceptedStatus, accepted) = await orchestrator.CallAsync("PutTargets", ForwardTarget());

        Assert.Equal(200, acceptedStatus);
        Assert.Equal(0, accepted["FailedEntryCount"]!.GetValue<int>());
        var (_, after) = await orchestrator.CallAsync("ListTargetsByRule", new() { ["Rule"] = "forward-to-worker" });
        Assert.Equal(WorkerBusArn, Assert.Single(after["Targets"]!.AsArray())!["Arn"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_state_machine_target_without_a_role_is_refused_on_the_wire_with_AWS_validation_text()
    {
        var orchestrator = EventsAs(Orchestrator);
        await orchestrator.CallAsync("PutRule", new() { ["Name"] = "start", ["EventPattern"] = """{"detail-type":["start"]}""" });
        const string machine = "arn:aws:states:us-east-1:111111111111:stateMachine:main";

        var (status, body) = await orchestrator.CallAsync("PutTargets", new()
        {
            ["Rule"] = "start",
            ["Targets"] = new JsonArray(new JsonObject { ["Id"] = "main", ["Arn"] = machine }),
        });

        Assert.Equal(400, status);
        Assert.Equal("ValidationException", body["__type"]!.GetValue<string>());
        Assert.Equal($"RoleArn is required for target {machine}.", body["message"]!.GetValue<string>());
    }
}
