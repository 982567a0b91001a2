using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Choreo.LocalCloud.Lambda.Destinations;
using Choreo.LocalCloud.Lambda.Model;
using Choreo.LocalCloud.Lambda.Runners;
using Choreo.LocalCloud.Services;
using Choreo.LocalCloud.Time;

namespace Choreo.LocalCloud.Lambda.Invocation;

/// <summary>
/// Invokes functions with Lambda's semantics. Synchronous invokes run once and return the result.
/// Asynchronous invokes (EventBridge targets) go to a queue per function, drained by at most
/// <see cref="LambdaServiceOptions.MaxConcurrencyPerFunction"/> workers; a failed attempt is retried
/// (the function's MaximumRetryAttempts, 2 by default) unless the event is older than its maximum age,
/// then the record goes to the on-failure destination. Every attempt has the function's timeout.
/// </summary>
public sealed class LambdaService : ILambdaInvoker, IAsyncDisposable
{
    private readonly FunctionRegistry _functions;
    private readonly IFunctionRunner _runner;
    private readonly DestinationSender _destinations;
    private readonly IClock _clock;
    private readonly LambdaServiceOptions _options;
    private readonly Func<IDisposable>? _beginActivity;
    private readonly Action<string> _warn;
    private readonly ConcurrentDictionary<string, Channel<AsyncInvocation>> _queues = new(StringComparer.Ordinal);
    private readonly ConcurrentBag<Task> _workers = [];
    private readonly CancellationTokenSource _stopping = new();

    public LambdaService(
        FunctionRegistry functions, IFunctionRunner runner, IEventBusGateway events, IClock clock, InvocationLog log,
        LambdaServiceOptions options, Action<string> warn, Func<IDisposable>? beginActivity = null)
    {
        _functions = functions;
        _runner = runner;
        _clock = clock;
        _options = options;
        _warn = warn;
        _beginActivity = beginActivity;
        Log = log;
        _destinations = new DestinationSender(events, warn);
    }

    public InvocationLog Log { get; }

    public async Task<LambdaInvokeResult> InvokeAsync(string functionArn, string payload, LambdaInvocationType invocationType, CancellationToken cancellationToken)
    {
        var function = _functions.Get(functionArn);
        var requestId = Guid.NewGuid().ToString();
        if (invocationType == LambdaInvocationType.Event)
        {
            var queue = _queues.GetOrAdd(function.Arn, _ => StartQueue());
            await queue.Writer.WriteAsync(new AsyncInvocation(function.Arn, payload, requestId, _clock.UtcNow, _beginActivity?.Invoke()), cancellationToken).ConfigureAwait(false);
            return new LambdaInvokeResult(202, null, null);
        }

        using var activity = _beginActivity?.Invoke();
        var outcome = await RunOnceAsync(function, payload, requestId, attempt: 1, cancellationToken).ConfigureAwait(false);
        return outcome.Error is null
            ? new LambdaInvokeResult(200, outcome.Payload ?? "null", null)
            : new LambdaInvokeResult(200, ErrorPayload(outcome.Error).ToJsonString(), "Unhandled");
    }

    private Channel<AsyncInvocation> StartQueue()
    {
        var queue = Channel.CreateUnbounded<AsyncInvocation>();
        for (var i = 0; i < _options.MaxConcurrencyPerFunction; i++)
        {
            _workers.Add(Task.Run(() => DrainAsync(queue.Reader)));
        }
        return queue;
    }

    private async Task DrainAsync(ChannelReader<AsyncInvocation> reader)
    {
        try
        {
            await foreach (var invocation in reader.ReadAllAsync(_stopping.Token).ConfigureAwait(false))
            {
                await ProcessAsync(invocation).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // Shutting down: queued events die with the process, as on a real host crash.
        }
    }

    private async Task ProcessAsync(AsyncInvocation invocation)
    {
        // The queued event counts as work in flight until its first attempt has run; after that, only
        // running attempts do, so a virtual clock may jump over the retry delays.
        var queued = invocation.Activity;
        try
        {
            await AttemptAllAsync(invocation, () => { queued?.Dispose(); queued = null; }).ConfigureAwait(false);
        }
        finally
        {
            queued?.Dispose();
        }
    }

    private async Task AttemptAllAsync(AsyncInvocation invocation, Action firstAttemptDone)
    {
        var function = _functions.Get(invocation.FunctionArn);
        var settings = _functions.SettingsOf(function.Arn);
        var attempts = 1 + Math.Clamp(settings.MaximumRetryAttempts, 0, 2);
        FunctionOutcome outcome = FunctionOutcome.Failure("Runtime.Unknown", "The invocation did not run.");
        var condition = "RetriesExhausted";
        var attempt = 0;
        while (attempt < attempts)
        {
            attempt++;
            if (_clock.UtcNow - invocation.Received > TimeSpan.FromSeconds(settings.MaximumEventAgeInSeconds))
            {
                condition = "EventAgeExceeded";
                break;
            }
            outcome = await RunOnceAsync(function, invocation.Payload, invocation.RequestId, attempt, _stopping.Token).ConfigureAwait(false);
            if (outcome.Succeeded || attempt == attempts)
            {
                break;
            }
            firstAttemptDone();
            await _clock.DelayAsync(_options.RetryDelay(attempt), _stopping.Token).ConfigureAwait(false);
        }

        using var sending = _beginActivity?.Invoke();
        firstAttemptDone();
        if (outcome.Succeeded)
        {
            if (settings.OnSuccessDestination is { } success)
            {
                var record = InvocationResultRecord.Build(invocation.RequestId, function.Arn, "Success", attempt, invocation.Payload, null, ParseOrNull(outcome.Payload), _clock.UtcNow);
                await _destinations.SendAsync(function.Account, success, InvocationResultRecord.SuccessDetailType, record, function.Arn, _stopping.Token).ConfigureAwait(false);
            }
            return;
        }
        var error = outcome.Error!;
        if (settings.OnFailureDestination is { } failure)
        {
            var record = InvocationResultRecord.Build(invocation.RequestId, function.Arn, condition, attempt, invocation.Payload, "Unhandled", ErrorPayload(error), _clock.UtcNow);
            await _destinations.SendAsync(function.Account, failure, InvocationResultRecord.FailureDetailType, record, function.Arn, _stopping.Token).ConfigureAwait(false);
        }
        else
        {
            _warn($"{function.Name}: asynchronous invocation {invocation.RequestId} failed after {attempt} attempt(s) ({condition}) and has no on-failure destination: {error.ErrorType}: {error.ErrorMessage}");
        }
    }

    private async Task<FunctionOutcome> RunOnceAsync(LambdaFunction function, string payload, string requestId, int attempt, CancellationToken cancellationToken)
    {
        using var running = _beginActivity?.Invoke();
        var started = _clock.UtcNow;
        var record = Log.Begin(requestId, function.Arn, attempt, started, EventIdOf(payload));
        var context = new InvocationContext(requestId, function.Arn, function.Name, started + function.Timeout, $"Root=1-{started.ToUnixTimeSeconds():x8}-{Guid.NewGuid():N}"[..46]);
        var environment = FunctionEnvironment.For(function, _options.Endpoint(), _options.SecretAccessKey);

        using var invocationCancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var run = _runner.RunAsync(function, environment, payload, context, invocationCancel.Token);
        var timeout = _clock.DelayAsync(function.Timeout, invocationCancel.Token);
        FunctionOutcome outcome;
        if (await Task.WhenAny(run, timeout).ConfigureAwait(false) == run)
        {
            outcome = await ResultOf(run).ConfigureAwait(false);
        }
        else
        {
            await invocationCancel.CancelAsync().ConfigureAwait(false);
            await ResultOf(run).ConfigureAwait(false);
            outcome = FunctionOutcome.Failure("Sandbox.Timedout", $"RequestId: {requestId} Error: Task timed out after {function.Timeout.TotalSeconds:0.00} seconds");
        }
        await invocationCancel.CancelAsync().ConfigureAwait(false);
        record.End(_clock.UtcNow, outcome.Error);
        if (outcome.Error is { } error)
        {
            Log.Write(requestId, $"{{\"level\":\"ERROR\",\"requestId\":\"{requestId}\",\"errorType\":{JsonValue.Create(error.ErrorType).ToJsonString()},\"errorMessage\":{JsonValue.Create(error.ErrorMessage).ToJsonString()}}}");
        }
        return outcome;
    }

    private static async Task<FunctionOutcome> ResultOf(Task<FunctionOutcome> run)
    {
        try
        {
            return await run.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return FunctionOutcome.Failure("Sandbox.Timedout", "The invocation was stopped.");
        }
    }

    private static JsonObject ErrorPayload(FunctionError error) =>
        new() { ["errorMessage"] = error.ErrorMessage, ["errorType"] = error.ErrorType };

    private static JsonNode? ParseOrNull(string? payload)
    {
        if (string.IsNullOrEmpty(payload))
        {
            return null;
        }
        try
        {
            return JsonNode.Parse(payload);
        }
        catch (System.Text.Json.JsonException)
        {
            return JsonValue.Create(payload);
        }
    }

    private static string? EventIdOf(string payload)
    {
        try
        {
            return JsonNode.Parse(payload) is JsonObject o && o["id"] is JsonValue id && id.TryGetValue<string>(out var text) ? text : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        foreach (var queue in _queues.Values)
        {
            queue.Writer.TryComplete();
        }
        await Task.WhenAll(_workers).ConfigureAwait(false);
        await _runner.DisposeAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }
}
