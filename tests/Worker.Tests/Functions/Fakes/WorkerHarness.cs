using System.Text.Json;
using System.Text.Json.Nodes;
using Choreo.Contracts;
using Choreo.Contracts.Details;
using Choreo.Contracts.Wire;
using Choreo.Worker.Functions.Handlers;
using Choreo.Worker.Functions.Hosting;
using Choreo.Worker.Functions.Profiles;
using Choreo.Worker.Functions.Publishing;
using Choreo.Worker.Runtime.Lambda;
using Choreo.Worker.Runtime.Logging;

namespace Worker.Tests.Functions.Fakes;

/// <summary>The worker's handlers wired as FunctionCatalog wires them, with fakes at the storage, fetch and bus boundaries.</summary>
public sealed class WorkerHarness
{
    public const string Execution = "arn:aws:states:us-east-1:111111111111:execution:MainStateMachine:job-42";
    public const string Token = "token-abc";
    public const string Bus = "arn:aws:events:us-east-1:222222222222:event-bus/worker";

    public InMemoryObjectStore Store { get; } = new();
    public RecordingEventPublisher Published { get; } = new();
    public StoreBackedProfileFetcher Fetcher { get; }
    public StringWriter LogOutput { get; } = new();
    public JsonLineLogger Log { get; }
    private readonly WorkerEvents _events;
    private readonly TaskFailureReporter _failures;

    public WorkerHarness()
    {
        Fetcher = new StoreBackedProfileFetcher(Store);
        Log = new JsonLineLogger(LogOutput, "worker-fn", TimeProvider.System);
        _events = new WorkerEvents(Published, Bus, Sources.Worker);
        _failures = new TaskFailureReporter(_events, Log);
    }

    public IFunctionHandler GetMultiple() => new TaskFunction<GetUsers>(new GetMultiple(_events, Log), ContractsJsonContext.Default.EventEnvelopeGetUsers, _failures, Log);

    public IFunctionHandler ProcessSingle() => new TaskFunction<GetUserProfile>(new ProcessSingle(Store, _events, Log), ContractsJsonContext.Default.EventEnvelopeGetUserProfile, _failures, Log);

    public IFunctionHandler PostProcessSingle() => new TaskFunction<GetUserCookies>(new PostProcessSingle(new ProfileReader(Fetcher), Store, _events, Log), ContractsJsonContext.Default.EventEnvelopeGetUserCookies, _failures, Log);

    public IFunctionHandler SideEffect() => new AsyncFunction<GetUserCookies>(new SideEffect(new ProfileReader(Fetcher), _events, Log), ContractsJsonContext.Default.EventEnvelopeGetUserCookies, Log);

    public IFunctionHandler PostProcessAll() => new TaskFunction<GenerateReport>(new PostProcessAll(Store, _events, Log), ContractsJsonContext.Default.EventEnvelopeGenerateReport, _failures, Log);

    public IFunctionHandler FailureRelay() => new FailureRelay(_failures, Log);

    public static InvocationContext Context { get; } = new(
        "req-1", "arn:aws:lambda:us-east-1:222222222222:function:worker-fn", "worker-fn", TimeProvider.System.GetUtcNow().AddMinutes(5));

    /// <summary>An EventBridge event as a Lambda target receives it.</summary>
    public static string Event(string detailType, string source, JsonNode detail) => new JsonObject
    {
        ["version"] = "0",
        ["id"] = "6a7e8feb-b491-4cf7-a9f1-bf3703467718",
        ["detail-type"] = detailType,
        ["source"] = source,
        ["account"] = "111111111111",
        ["time"] = "2024-05-01T12:00:00Z",
        ["region"] = "us-east-1",
        ["resources"] = new JsonArray(),
        ["detail"] = detail,
    }.ToJsonString();

    public static JsonObject TaskDetail(string stateName) => new()
    {
        ["TaskToken"] = Token,
        ["execution"] = Execution,
        ["stateName"] = stateName,
    };

    public Task<string?> InvokeAsync(IFunctionHandler function, string eventJson) =>
        function.InvokeAsync(eventJson, Context, CancellationToken.None);

    /// <summary>The single event the handler put on the bus, with its detail parsed as JSON.</summary>
    public (string DetailType, JsonObject Detail) SingleEvent()
    {
        var e = Assert.Single(Published.Events);
        Assert.Equal(Bus, e.EventBusName);
        Assert.Equal(Sources.Worker, e.Source);
        return (e.DetailType, JsonNode.Parse(e.Detail)!.AsObject());
    }

    public Failed SingleFailed()
    {
        var e = Assert.Single(Published.Events);
        Assert.Equal(DetailTypes.Failed, e.DetailType);
        return JsonSerializer.Deserialize(e.Detail, ContractsJsonContext.Default.Failed)!;
    }

    public IReadOnlyList<JsonObject> LogLines() =>
        LogOutput.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
}
