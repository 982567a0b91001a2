using System.Text.Json;
using Amazon.Runtime;
using Choreo.LocalCloud.Accounts;
using Choreo.LocalCloud.Composition;
using Choreo.LocalCloud.EventBridge.Model;
using Choreo.LocalCloud.EventBridge.Policies;
using Choreo.LocalCloud.Hosting;
using Choreo.Worker.Runtime.Events;

namespace LocalCloud.Tests.Integration;

/// <summary>The worker's EventBridge client against a whole local-cloud over HTTP on 127.0.0.1.</summary>
public sealed class EventBridgeClientOverHttpTests : IAsyncLifetime
{
    private static readonly AccountContext Worker = new("222222222222", "us-east-1");
    private static readonly AccountContext Orchestrator = new("111111111111", "us-east-1");
    private const string Detail = """{"runId":"r-1","attempt":2}""";

    private readonly HttpClient _http = new();
    private LocalCloudInstance _cloud = null!;

    public async Task InitializeAsync() =>
        _cloud = await LocalCloudInstance.StartAsync(new LocalCloudInstanceOptions { Host = new LocalCloudOptions { Port = 0 } });

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _cloud.DisposeAsync();
    }

    private EventBridgePutEventsClient ClientFor(string accessKeyId, string secret) =>
        new(_http, new EventBridgeConnection(_cloud.Host.BaseUrl, "us-east-1", new BasicAWSCredentials(accessKeyId, secret)), TimeProvider.System);

    private EventBridgePutEventsClient WorkerClient() => ClientFor(Worker.AccountId, AccessKey.DefaultSecret);

    private static OutgoingEvent Event(string busName) => new(busName, "bench.client", "ThingHappened", Detail);

    [Fact]
    public async Task An_event_put_on_the_worker_default_bus_is_journaled_with_its_source_detail_type_detail_and_account()
    {
        await WorkerClient().PublishAsync([Event("default")], CancellationToken.None);

        var entry = Assert.Single(_cloud.EventBridge.Journal.Snapshot());
        Assert.Equal(EventBridgeArn.Bus(Worker, "default"), entry.BusArn);
        Assert.Equal("bench.client", entry.Event.Source);
        Assert.Equal("ThingHappened", entry.Event.DetailType);
        Assert.Equal(Worker.AccountId, entry.Event.Account);
        Assert.Equal("r-1", entry.Event.Element.GetProperty("detail").GetProperty("runId").GetString());
        Assert.Equal(2, entry.Event.Element.GetProperty("detail").GetProperty("attempt").GetInt32());
    }

    [Fact]
    public async Task A_rule_on_the_bus_delivers_the_put_event_to_an_sqs_queue_where_it_can_be_read()
    {
        var queue = _cloud.Sqs.CreateQueue(Worker, "things");
        _cloud.Sqs.SetPolicy(queue, LocalCloud.Tests.EventBridge.EventBridgeHarness.EventBridgeMaySendTo(queue));
        _cloud.EventBridge.PutRule(Worker, "default", "things-to-queue", """{"source":["bench.client"],"detail-type":["ThingHappened"]}""", true, null, null);
        _cloud.EventBridge.PutTargets(Worker, "default", "things-to-queue",
            [new RuleTarget("queue", queue.Arn, null, null, null, null, TargetRetryPolicy.Default, null)]);

        await WorkerClient().PublishAsync([Event("default")], CancellationToken.None);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await _cloud.EventBridge.WhenDeliveriesIdleAsync(timeout.Token);

        var message = Assert.Single(_cloud.Sqs.ReceiveMessages(queue, 10, TimeSpan.FromSeconds(30)));
        using var delivered = JsonDocument.Parse(message.Body);
        Assert.Equal("ThingHappened", delivered.RootElement.GetProperty("detail-type").GetString());
        Assert.Equal(Worker.AccountId, delivered.RootElement.GetProperty("account").GetString());
        Assert.Equal("r-1", delivered.RootElement.GetProperty("detail").GetProperty("runId").GetString());
    }

    [Fact]
    public async Task A_client_signing_with_the_wrong_secret_is_refused_with_InvalidSignatureException()
    {
        var refused = await Assert.ThrowsAsync<PutEventsFailedException>(() =>
            ClientFor(Worker.AccountId, "not-the-secret").PublishAsync([Event("default")], CancellationToken.None));

        Assert.Equal("InvalidSignatureException", refused.ErrorCode);
        Assert.Empty(_cloud.EventBridge.Journal.Snapshot());
    }

    [Fact]
    public async Task A_put_on_another_account_bus_is_refused_without_a_bus_policy_and_accepted_after_PutPermission()
    {
        var orchestratorBus = EventBridgeArn.Bus(Orchestrator, "default");

        var refused = await Assert.ThrowsAsync<PutEventsFailedException>(() =>
            WorkerClient().PublishAsync([Event(orchestratorBus)], CancellationToken.None));
        Assert.Equal("AccessDeniedException", refused.ErrorCode);
        Assert.Empty(_cloud.EventBridge.Journal.Snapshot());

        _cloud.EventBridge.PutPermission(Orchestrator, "default",
            PermissionStatement.Build("allow-worker", Worker.AccountId, "events:PutEvents", orchestratorBus, null));
        await WorkerClient().PublishAsync([Event(orchestratorBus)], CancellationToken.None);

        var entry = Assert.Single(_cloud.EventBridge.Journal.Snapshot());
        Assert.Equal(orchestratorBus, entry.BusArn);
        Assert.Equal(Worker.AccountId, entry.Event.Account);
    }
}
