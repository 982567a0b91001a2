using System.Text.Json.Nodes;
using Choreo.LocalCloud.Accounts;
using Choreo.LocalCloud.Lambda.Invocation;
using Choreo.LocalCloud.Lambda.Model;
using Choreo.LocalCloud.Lambda.Runners;
using Choreo.LocalCloud.Services;
using Choreo.LocalCloud.Time;

namespace LocalCloud.Tests.Lambda;

public sealed class LambdaServiceTests : IAsyncDisposable
{
    private const string FailureBus = "arn:aws:events:us-east-1:222222222222:event-bus/worker-failures";
    private const string SuccessBus = "arn:aws:events:us-east-1:222222222222:event-bus/worker-successes";
    private const string Event = """{"id":"evt-1","detail-type":"Work Requested","detail":{"key":"a.txt"}}""";

    private static readonly LambdaFunction Function = new(
        new AccountContext("222222222222", "us-east-1"), "transform", "Transform", "provided.al2023", null,
        new Dictionary<string, string>(), TimeSpan.FromSeconds(30), 128);

    private readonly FunctionRegistry _functions = new();
    private readonly InvocationLog _log = new();
    private readonly RecordingEventBus _bus = new();
    private readonly List<string> _warnings = [];
    private LambdaService? _service;

    public LambdaServiceTests() => _functions.Put(Function);

    public async ValueTask DisposeAsync()
    {
        if (_service is not null)
        {
            await _service.DisposeAsync();
        }
    }

    private LambdaService Service(IFunctionRunner runner, IClock clock, int concurrency = 10, TimeSpan? firstRetryDelay = null)
    {
        _service = new LambdaService(_functions, runner, _bus, clock, _log,
            new LambdaServiceOptions(() => new Uri("http://127.0.0.1:4566"), MaxConcurrencyPerFunction: concurrency, FirstRetryDelay: firstRetryDelay),
            message => { lock (_warnings) { _warnings.Add(message); } },
            clock is IActivityTracker tracker ? tracker.BeginActivity : null);
        return _service;
    }

    private ScriptedRunner AlwaysFails() => new((_, context, _) =>
    {
        _log.Write(context.RequestId, $"handling {context.RequestId}");
        return Task.FromResult(FunctionOutcome.Failure("KeyNotFound", "a.txt is not in the bucket"));
    });

    private async Task<JsonObject> FailureRecordAsync()
    {
        await _service!.WhenIdleAsync();
        var (caller, entry) = Assert.Single(_bus.Events);
        Assert.Equal(Function.Account, caller);
        Assert.Equal("lambda", entry.Source);
        Assert.Equal("Lambda Function Invocation Result - Failure", entry.DetailType);
        Assert.Equal(FailureBus, entry.EventBusName);
        Assert.Equal([Function.Arn], entry.Resources);
        return JsonNode.Parse(entry.Detail!)!.AsObject();
    }

    [Fact]
    public async Task An_asynchronous_invoke_returns_202_at_once_and_runs_later()
    {
        var release = new TaskCompletionSource();
        var runner = new ScriptedRunner(async (_, _, _) =>
        {
            await release.Task;
            return FunctionOutcome.Success("{}");
        });
        var service = Service(runner, new VirtualClock());

        var result = await service.InvokeAsync(Function.Arn, Event, LambdaInvocationType.Event, CancellationToken.None);

        Assert.Equal(new LambdaInvokeResult(202, null, null), result);
        Assert.Equal(0, runner.Runs);
        release.SetResult();
        await Eventually.TrueAsync(() => runner.Runs == 1, "the queued invocation to run");
    }

    [Fact]
    public async Task A_function_that_always_fails_runs_three_times_then_sends_one_failure_record_in_AWS_shape()
    {
        _functions.Configure(Function.Arn, new AsyncInvokeSettings(OnFailureDestination: FailureBus));
        var runner = AlwaysFails();
        var service = Service(runner, new VirtualClock());

        var invocation = await service.InvokeAsync(Function, Event, LambdaInvocationType.Event, CancellationToken.None);
        var detail = await FailureRecordAsync();

        Assert.Equal(3, runner.Runs);
        Assert.Equal("1.0", (string?)detail["version"]);
        var requestContext = detail["requestContext"]!;
        Assert.Equal(invocation.RequestId, (string?)requestContext["requestId"]);
        Assert.Equal(Function.Arn + ":$LATEST", (string?)requestContext["functionArn"]);
        Assert.Equal("RetriesExhausted", (string?)requestContext["condition"]);
        Assert.Equal(3, (int)requestContext["approximateInvokeCount"]!);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(Event), detail["requestPayload"]));
        Assert.Equal("Unhandled", (string?)detail["responseContext"]!["functionError"]);
        Assert.Equal("KeyNotFound", (string?)detail["responsePayload"]!["errorType"]);
        Assert.Equal("a.txt is not in the bucket", (string?)detail["responsePayload"]!["errorMessage"]);
    }

    [Fact]
    public async Task With_zero_retry_attempts_a_failing_function_runs_once()
    {
        _functions.Configure(Function.Arn, new AsyncInvokeSettings(MaximumRetryAttempts: 0, OnFailureDestination: FailureBus));
        var runner = AlwaysFails();
        var service = Service(runner, new VirtualClock());

        await service.InvokeAsync(Function.Arn, Event, LambdaInvocationType.Event, CancellationToken.None);
        var detail = await FailureRecordAsync();

        Assert.Equal(1, runner.Runs);
        Assert.Equal(1, (int)detail["requestContext"]!["approximateInvokeCount"]!);
    }

    [Fact]
    public async Task Success_after_one_failure_sends_no_failure_record()
    {
        _functions.Configure(Function.Arn, new AsyncInvokeSettings(OnFailureDestination: FailureBus, OnSuccessDestination: SuccessBus));
        var attempts = 0;
        var runner = new ScriptedRunner((_, _, _) => Task.FromResult(Interlocked.Increment(ref attempts) == 1
            ? FunctionOutcome.Failure("Throttled", "try again")
            : FunctionOutcome.Success("""{"done":true}""")));
        var service = Service(runner, new VirtualClock());

        await service.InvokeAsync(Function.Arn, Event, LambdaInvocationType.Event, CancellationToken.None);
        await service.WhenIdleAsync();

        var (_, entry) = Assert.Single(_bus.Events);
        Assert.Equal(SuccessBus, entry.EventBusName);
        Assert.Equal("Lambda Function Invocation Result - Success", entry.DetailType);
        var detail = JsonNode.Parse(entry.Detail!)!;
        Assert.Equal(2, (int)detail["requestContext"]!["approximateInvokeCount"]!);
        Assert.True((bool)detail["responsePayload"]!["done"]!);
    }

    [Fact]
    public async Task An_event_older_than_its_maximum_age_is_not_retried_and_ends_as_EventAgeExceeded()
    {
        _functions.Configure(Function.Arn, new AsyncInvokeSettings(MaximumEventAgeInSeconds: 60, OnFailureDestination: FailureBus));
        var runner = AlwaysFails();
        var service = Service(runner, new VirtualClock(), firstRetryDelay: TimeSpan.FromMinutes(2));

        await service.InvokeAsync(Function.Arn, Event, LambdaInvocationType.Event, CancellationToken.None);
        var detail = await FailureRecordAsync();

        Assert.Equal(1, runner.Runs);
        Assert.Equal("EventAgeExceeded", (string?)detail["requestContext"]!["condition"]);
        Assert.Equal(1, (int)detail["requestContext"]!["approximateInvokeCount"]!);
        Assert.Equal("KeyNotFound", (string?)detail["responsePayload"]!["errorType"]);
    }

    [Fact]
    public async Task A_run_longer_than_the_timeout_ends_as_Sandbox_Timedout_even_on_a_virtual_clock()
    {
        var runner = new ScriptedRunner(async (_, _, cancellationToken) =>
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, TimeProvider.System, cancellationToken);
            return FunctionOutcome.Success("{}");
        });
        _functions.Put(Function with { Timeout = TimeSpan.FromSeconds(1) });
        var service = Service(runner, new VirtualClock());

        var result = await service.InvokeAsync(Function.Arn, Event, LambdaInvocationType.RequestResponse, CancellationToken.None);

        Assert.Equal("Unhandled", result.FunctionError);
        var error = JsonNode.Parse(result.Payload!)!;
        Assert.Equal("Sandbox.Timedout", (string?)error["errorType"]);
        Assert.EndsWith("Task timed out after 1.00 seconds", (string?)error["errorMessage"]);
    }

    [Fact]
    public async Task At_most_the_concurrency_limit_of_one_function_runs_at_once()
    {
        var release = new TaskCompletionSource();
        var runner = new ScriptedRunner(async (_, _, _) =>
        {
            await release.Task;
            return FunctionOutcome.Success("{}");
        });
        var service = Service(runner, new VirtualClock(), concurrency: 2);

        for (var i = 0; i < 5; i++)
        {
            await service.InvokeAsync(Function.Arn, Event, LambdaInvocationType.Event, CancellationToken.None);
        }
        await Eventually.TrueAsync(() => runner.Running == 2, "two invocations to run");
        release.SetResult();
        await service.WhenIdleAsync();

        Assert.Equal(5, runner.Runs);

        Assert.Equal(2, runner.MostAtOnce);
    }

    [Fact]
    public async Task An_invocation_waiting_to_be_retried_does_not_hold_a_concurrency_slot()
    {
        var runner = new ScriptedRunner((payload, _, _) => Task.FromResult(payload.Contains("fail")
            ? FunctionOutcome.Failure("Boom", "always")
            : FunctionOutcome.Success("{}")));
        var clock = new VirtualClock(autoAdvance: false);
        var service = Service(runner, clock, concurrency: 1);

        await service.InvokeAsync(Function.Arn, """{"fail":true}""", LambdaInvocationType.Event, CancellationToken.None);
        await Eventually.TrueAsync(() => runner.Runs == 1, "the first attempt of the failing event");
        await service.InvokeAsync(Function.Arn, """{"ok":true}""", LambdaInvocationType.Event, CancellationToken.None);

        // The clock does not move: the second event runs while the first waits for its retry.
        await Eventually.TrueAsync(() => runner.Runs == 2, "the second event to run during the first one's retry delay");
        await clock.AdvanceAsync(TimeSpan.FromMinutes(1));
        await Eventually.TrueAsync(() => runner.Runs == 3, "the first retry after one minute");
    }

    [Fact]
    public async Task A_failing_RequestResponse_invoke_returns_Unhandled_with_the_error_payload_and_is_not_retried()
    {
        var runner = AlwaysFails();
        var service = Service(runner, new VirtualClock());

        var result = await service.InvokeAsync(Function.Arn, Event, LambdaInvocationType.RequestResponse, CancellationToken.None);

        Assert.Equal(200, result.StatusCode);
        Assert.Equal("Unhandled", result.FunctionError);
        Assert.Equal("""{"errorMessage":"a.txt is not in the bucket","errorType":"KeyNotFound"}""", result.Payload);
        Assert.Equal(1, runner.Runs);
    }

    [Fact]
    public async Task The_invocation_log_keeps_every_attempt_with_its_own_log_lines()
    {
        _functions.Configure(Function.Arn, new AsyncInvokeSettings(OnFailureDestination: FailureBus));
        var service = Service(AlwaysFails(), new VirtualClock());

        var invocation = await service.InvokeAsync(Function, Event, LambdaInvocationType.Event, CancellationToken.None);
        await FailureRecordAsync();

        var attempts = _log.Attempts(invocation.RequestId);
        Assert.Equal([1, 2, 3], attempts.Select(a => a.Attempt));
        Assert.All(attempts, attempt =>
        {
            Assert.Equal("evt-1", attempt.EventId);
            Assert.Equal(new FunctionError("KeyNotFound", "a.txt is not in the bucket"), attempt.Error);
            Assert.NotNull(attempt.Ended);
            Assert.Equal($"START RequestId: {invocation.RequestId} Version: $LATEST", attempt.Lines[0]);
            Assert.Equal($"handling {invocation.RequestId}", attempt.Lines[1]);
            Assert.Contains(attempt.Lines, line => line.Contains("\"errorType\":\"KeyNotFound\""));
            Assert.Contains($"END RequestId: {invocation.RequestId}", attempt.Lines);
        });
        Assert.True(attempts[1].Started - attempts[0].Started >= TimeSpan.FromMinutes(1), "the first retry waits a minute");
    }

    [Fact]
    public async Task A_runner_that_throws_is_a_failed_invocation_not_a_lost_one()
    {
        _functions.Configure(Function.Arn, new AsyncInvokeSettings(MaximumRetryAttempts: 0, OnFailureDestination: FailureBus));
        var runner = new ScriptedRunner((_, _, _) => throw new IOException("the bootstrap pipe broke"));
        var service = Service(runner, new VirtualClock());

        await service.InvokeAsync(Function.Arn, Event, LambdaInvocationType.Event, CancellationToken.None);
        var detail = await FailureRecordAsync();

        Assert.Equal("Runtime.Unknown", (string?)detail["responsePayload"]!["errorType"]);
        Assert.Contains("the bootstrap pipe broke", (string?)detail["responsePayload"]!["errorMessage"]);
    }
}
