using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Choreo.LocalCloud.Lambda.Destinations;
using Choreo.LocalCloud.Lambda.Model;
using Choreo.LocalCloud.Lambda.Runners;
using Choreo.LocalCloud.Services;
using Choreo.LocalCloud.Time;

namespace Choreo.LocalCloud.Lambda.Invocation;

/// <summary>
/// Invokes functions with Lambda's semantics. Synchronous invokes run once and return the result.
/// Asynchronous invokes (EventBridge targets) are accepted at once (202) and wait, first come first served,
/// for one of their function's <see cref="LambdaServiceOptions.MaxConcurrencyPerFunction"/> slots; a failed attempt
/// gives its slot back while it waits to be retried (the function's MaximumRetryAttempts, 2 by default),
/// unless the event is older than its maximum age; then the record goes to the on-failure destination.
/// Every attempt has the function's timeout.
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
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _slots = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Task> _pending = new(StringComparer.Ordinal);
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

    public async Task<LambdaInvokeResult> InvokeAsync(string functionArn, string payload, LambdaInvocationType invocationType, CancellationToken cancellationToken) =>
        (await InvokeAsync(_functions.Get(functionArn), payload, invocationType, cancellationToken).ConfigureAwait(false)).Result;

    /// <summary>Invokes <paramref name="function"/> and returns the request id with the result (the Invoke API needs both).</summary>
    public async Task<FunctionInvocation> InvokeAsync(LambdaFunction function, string payload, LambdaInvocationType invocationType, CancellationToken cancellationToken)
    {
        var requestId = Guid.NewGuid().ToString();
        if (invocationType == LambdaInvocationType.Event)
        {
            // Accepted now; the queued event counts as work in flight (a virtual clock waits for it).
            var invocation = new AsyncInvocation(function.Arn, payload, requestId, _clock.UtcNow, _beginActivity?.Invoke());
            var processing = Task.Run(() => ProcessAsync(invocation));
            _pending[requestId] = processing;
            _ = processing.ContinueWith(_ => _pending.TryRemove(requestId, out Task? _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            return new FunctionInvocation(requestId, new LambdaInvokeResult(202, null, null));
        }

        using var activity = _beginActivity?.Invoke();
        var outcome = await RunOnceAsync(function, payload, requestId, attempt: 1, cancellationToken).ConfigureAwait(false);
        return new FunctionInvocation(requestId, outcome.Error is null
            ? new LambdaInvokeResult(200, outcome.Payload ?? "null", null)
            : new LambdaInvokeResult(200, ErrorPayload(outcome.Error).ToJsonString(), "Unhandled"));
    }

    /// <summary>
    /// Completes when no asynchronous invocation is queued, running, waiting for a retry or sending its
    /// destination record (invocations accepted meanwhile are waited for too): the signal to wait for,
    /// instead of waiting for time, before looking at what the invocations did.
    /// </summary>
    public async Task WhenIdleAsync(CancellationToken cancellationToken = default)
    {
        while (_pending.Values.Where(processing => !processing.IsCompleted).ToArray() is { Length: > 0 } busy)
        {
            // ProcessAsync never throws, so waiting for all of them cannot fault.
            await Task.WhenAll(busy).WaitAsync(cancellationToken).ConfigureAwait(false);
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
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // Shutting down: queued and retrying events die with the process, as on a real host crash.
        }
        catch (Exception e)
        {
            _warn($"asynchronous invocation {invocation.RequestId} of {invocation.FunctionArn} was lost: {e.GetType().Name}: {e.Message}");
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
        var slots = _slots.GetOrAdd(function.Arn, _ => new SemaphoreSlim(_options.MaxConcurrencyPerFunction));
        var maximumAttempts = 1 + Math.Clamp(settings.MaximumRetryAttempts, 0, 2);
        FunctionOutcome? outcome = null;
        var condition = "RetriesExhausted";
        var attempts = 0;
        while (attempts < maximumAttempts)
        {
            if (_clock.UtcNow - invocation.Received > TimeSpan.FromSeconds(settings.MaximumEventAgeInSeconds))
            {
                condition = "EventAgeExceeded";
                break;
            }
            attempts++;
            using (var running = _beginActivity?.Invoke())
            {
                // The concurrency slot is held while the function runs, never while a retry waits.
                await slots.WaitAsync(_stopping.Token).ConfigureAwait(false);
                try
                {
                    outcome = await RunOnceAsync(function, invocation.Payload, invocation.RequestId, attempts, _stopping.Token).ConfigureAwait(false);
                }
                finally
                {
                    slots.Release();
                }
                firstAttemptDone();
            }
            if (outcome.Succeeded || attempts == maximumAttempts)
            {
                break;
            }
            await _clock.DelayAsync(_options.RetryDelay(attempts), _stopping.Token).ConfigureAwait(false);
        }

        using var sending = _beginActivity?.Invoke();
        firstAttemptDone();
        if (outcome is { Succeeded: true })
        {
            if (settings.OnSuccessDestination is { } success)
            {
                var record = InvocationResultRecord.Build(invocation.RequestId, function.Arn, "Success", attempts, invocation.Payload, null, ParseOrNull(outcome.Payload), _clock.UtcNow);
                await _destinations.SendAsync(function.Account, success, InvocationResultRecord.SuccessDetailType, record, function.Arn, _stopping.Token).ConfigureAwait(false);
            }
            return;
        }
        var error = outcome?.Error;
        if (settings.OnFailureDestination is { } failure)
        {
            var record = InvocationResultRecord.Build(invocation.RequestId, function.Arn, condition, attempts, invocation.Payload,
                error is null ? null : "Unhandled", error is null ? null : ErrorPayload(error), _clock.UtcNow);
            await _destinations.SendAsync(function.Account, failure, InvocationResultRecord.FailureDetailType, record, function.Arn, _stopping.Token).ConfigureAwait(false);
        }
        else
        {
            var reason = error is null ? "it was never attempted" : $"{error.ErrorType}: {error.ErrorMessage}";
            _warn($"{function.Name}: asynchronous invocation {invocation.RequestId} failed after {attempts} attempt(s) ({condition}) and has no on-failure destination: {reason}");
        }
    }

    private async Task<FunctionOutcome> RunOnceAsync(LambdaFunction function, string payload, string requestId, int attempt, CancellationToken cancellationToken)
    {
        using var running = _beginActivity?.Invoke();
        var started = _clock.UtcNow;
        var record = Log.Begin(requestId, function.Arn, attempt, started, EventIdOf(payload));
        Log.Write(requestId, $"START RequestId: {requestId} Version: $LATEST");
        var context = new LambdaInvocationContext(requestId, function.Arn, function.Name, started + function.Timeout, $"Root=1-{started.ToUnixTimeSeconds():x8}-{Guid.NewGuid():N}"[..46]);
        var environment = FunctionEnvironment.For(function, _options.Endpoint(), _options.SecretAccessKey);
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();

        using var invocationCancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var run = _runner.RunAsync(function, environment, payload, context, invocationCancel.Token);
        // The run is real work: it holds an activity, so a virtual clock stands still until it ends and
        // its timer alone would never fire for a function that hangs. The timeout is therefore also
        // enforced in real time (the same instant on the system clock).
        var timeout = Task.WhenAny(_clock.DelayAsync(function.Timeout, invocationCancel.Token), Task.Delay(function.Timeout, TimeProvider.System, invocationCancel.Token));
        FunctionOutcome outcome;
        if (await Task.WhenAny(run, timeout).ConfigureAwait(false) == run)
        {
            outcome = await ResultOf(function, run, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await invocationCancel.CancelAsync().ConfigureAwait(false);
            await ResultOf(function, run, cancellationToken).ConfigureAwait(false);
            outcome = FunctionOutcome.Failure("Sandbox.Timedout", $"RequestId: {requestId} Error: Task timed out after {function.Timeout.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture)} seconds");
        }
        await invocationCancel.CancelAsync().ConfigureAwait(false);
        record.End(_clock.UtcNow, outcome.Error);
        if (outcome.Error is { } error)
        {
            Log.Write(requestId, $"{{\"level\":\"ERROR\",\"requestId\":\"{requestId}\",\"errorType\":{JsonValue.Create(error.ErrorType).ToJsonString()},\"errorMessage\":{JsonValue.Create(error.ErrorMessage).ToJsonString()}}}");
        }
        Log.Write(requestId, $"END RequestId: {requestId}");
        Log.Write(requestId, $"REPORT RequestId: {requestId}\tDuration: {stopwatch.Elapsed.TotalMilliseconds.ToString("0.00", CultureInfo.InvariantCulture)} ms\tMemory Size: {function.MemorySize} MB");
        return outcome;
    }

    /// <summary>The runner's outcome; a runner that throws (other than for cancellation) is a failed invocation, not a lost one.</summary>
    private static async Task<FunctionOutcome> ResultOf(LambdaFunction function, Task<FunctionOutcome> run, CancellationToken callerCancellation)
    {
        try
        {
            return await run.ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (callerCancellation.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException)
        {
            return FunctionOutcome.Failure("Sandbox.Timedout", "The invocation was stopped.");
        }
        catch (Exception e)
        {
            return FunctionOutcome.Failure("Runtime.Unknown", $"local-cloud could not run {function.Name}: {e.GetType().Name}: {e.Message}");
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
        await Task.WhenAll(_pending.Values).ConfigureAwait(false);
        await _runner.DisposeAsync().ConfigureAwait(false);
        foreach (var slots in _slots.Values)
        {
            slots.Dispose();
        }
        _stopping.Dispose();
    }
}
