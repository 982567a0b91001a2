using System.Text.Json.Nodes;
using Choreo.LocalCloud.Accounts;
using Choreo.LocalCloud.EventBridge;
using Choreo.LocalCloud.EventBridge.Api;
using Choreo.LocalCloud.Sqs;
using Choreo.LocalCloud.Sqs.Api;
using Choreo.LocalCloud.Sqs.Model;

namespace LocalCloud.Tests.EventBridge;

/// <summary>One EventBridge with SQS, fake Lambda and Step Functions seams and a manual clock; the two Choreo accounts.</summary>
public sealed class EventBridgeHarness : IAsyncDisposable
{
    public static readonly AccountContext Orchestrator = new("111111111111", "us-east-1");
    public static readonly AccountContext Worker = new("222222222222", "us-east-1");

    /// <param name="functionPolicyOf">Function policies by ARN; without, Lambda targets are invoked whatever their policy says.</param>
    public EventBridgeHarness(Func<string, string?>? functionPolicyOf = null)
    {
        Queues = new SqsQueues(Clock, () => new Uri("http://localhost:4566"));
        Events = new EventBridgeService(Clock, Queues, Lambdas, StateMachines, functionPolicyOf: functionPolicyOf);
        Api = new EventBridgeApi(Events);
        SqsApi = new SqsApi(Queues);
    }

    public ManualClock Clock { get; } = new(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));
    public SqsQueues Queues { get; }
    public FakeLambdaInvoker Lambdas { get; } = new();
    public FakeStateMachineStarter StateMachines { get; } = new();
    public EventBridgeService Events { get; }
    public EventBridgeApi Api { get; }
    public SqsApi SqsApi { get; }

    public static string FunctionArn(AccountContext account, string name) => $"arn:aws:lambda:{account.Region}:{account.AccountId}:function:{name}";

    /// <summary>
    /// The queue policy CDK writes for a rule target or dead-letter queue: events.amazonaws.com may send, for rules of
    /// the queue's own account. Without it EventBridge cannot deliver to the queue.
    /// </summary>
    public static string EventBridgeMaySendTo(SqsQueue queue) => new JsonObject
    {
        ["Version"] = "2012-10-17",
        ["Statement"] = new JsonArray(new JsonObject
        {
            ["Effect"] = "Allow",
            ["Principal"] = new JsonObject { ["Service"] = "events.amazonaws.com" },
            ["Action"] = "sqs:SendMessage",
            ["Resource"] = queue.Arn,
            ["Condition"] = new JsonObject { ["ArnLike"] = new JsonObject { ["aws:SourceArn"] = $"arn:aws:events:{queue.Owner.Region}:{queue.Owner.AccountId}:rule/*" } },
        }),
    }.ToJsonString();

    public Task<JsonNode> CallAsync(string operation, JsonObject request, AccountContext caller) =>
        Api.HandleAsync(operation, request, caller, CancellationToken.None);

    public Task IdleAsync() => Events.WhenDeliveriesIdleAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

    public async Task<string> PutRuleAsync(AccountContext owner, string name, string pattern, JsonArray targets, string? bus = null)
    {
        var rule = new JsonObject { ["Name"] = name, ["EventPattern"] = pattern };
        if (bus is not null) rule["EventBusName"] = bus;
        var arn = (await CallAsync("PutRule", rule, owner))["RuleArn"]!.GetValue<string>();
        var put = new JsonObject { ["Rule"] = name, ["Targets"] = targets };
        if (bus is not null) put["EventBusName"] = bus;
        await CallAsync("PutTargets", put, owner);
        return arn;
    }

    public ValueTask DisposeAsync() => Events.DisposeAsync();
}
