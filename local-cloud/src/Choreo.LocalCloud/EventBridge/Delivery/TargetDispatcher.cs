using System.Globalization;
using System.Threading.Channels;
using Choreo.LocalCloud.EventBridge.Policies;
using Choreo.LocalCloud.Sqs;
using Choreo.LocalCloud.Sqs.Model;
using Choreo.LocalCloud.Time;
using Microsoft.Extensions.Logging;

namespace Choreo.LocalCloud.EventBridge.Delivery;

/// <summary>
/// Delivers matched events asynchronously: one worker per rule target makes first attempts in arrival order; a failed
/// attempt is retried later (exponential backoff with jitter on the injected clock) without holding up the events
/// behind it, until the target's RetryPolicy is exhausted; then the event goes to the dead-letter queue with AWS's
/// message attributes, or is dropped with a log line.
/// </summary>
public sealed class TargetDispatcher(IClock clock, TargetInvoker invoker, SqsQueues queues, DeliveryLog log, ILogger logger) : IAsyncDisposable
{
    private static readonly TimeSpan FirstBackoff = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(5);

    private readonly Dictionary<string, Channel<PendingDelivery>> _workers = [];
    private readonly List<Task> _workerTasks = [];
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _gate = new();
    private int _pending;
    private int _active;
    private IDisposable? _activityLease;
    private TaskCompletionSource _idle = Completed();

    public void Enqueue(PendingDelivery delivery)
    {
        Channel<PendingDelivery> channel;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_stopping.IsCancellationRequested, this);
            if (_pending++ == 0)
            {
                _idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
            Busy();
            var key = $"{delivery.RuleArn}#{delivery.Target.Id}";
            if (!_workers.TryGetValue(key, out channel!))
            {
                channel = Channel.CreateUnbounded<PendingDelivery>(new UnboundedChannelOptions { SingleReader = true });
                _workers[key] = channel;
                _workerTasks.Add(Task.Run(() => RunWorkerAsync(channel.Reader)));
            }
        }
        channel.Writer.TryWrite(delivery);
    }

    /// <summary>Completes when every event enqueued so far has been delivered, dead-lettered or dropped.</summary>
    public Task WhenIdleAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return _idle.Task.WaitAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Task[] workers;
        lock (_gate)
        {
            if (_stopping.IsCancellationRequested)
            {
                return;
            }
            _stopping.Cancel();
            foreach (var channel in _workers.Values)
            {
                channel.Writer.TryComplete();
            }
            workers = [.. _workerTasks];
        }
        await Task.WhenAll(workers).ConfigureAwait(false);
        _stopping.Dispose();
    }

    private async Task RunWorkerAsync(ChannelReader<PendingDelivery> reader)
    {
        try
        {
            await foreach (var delivery in reader.ReadAllAsync(_stopping.Token))
            {
                await AttemptAsync(delivery, attempt: 1);
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // Shutting down: undelivered events are abandoned with the instance.
        }
    }

    private async Task AttemptAsync(PendingDelivery delivery, int attempt)
    {
        var token = _stopping.Token;
        TargetDeliveryException failure;
        try
        {
            var payload = TargetInputRenderer.Render(delivery.Target, delivery.Event, delivery.RuleName, delivery.RuleArn);
            await invoker.InvokeAsync(delivery, payload, token);
            Record(delivery, attempt, DeliveryOutcome.Delivered, null);
            Finished();
            return;
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            Finished();
            return;
        }
        catch (TargetDeliveryException error)
        {
            failure = error;
        }
        catch (FormatException error)
        {
            failure = new TargetDeliveryException(TargetDeliveryException.ClientError, error.Message, retriable: false);
        }
        catch (Exception error)
        {
            failure = new TargetDeliveryException(TargetDeliveryException.ClientError, $"{error.GetType().Name}: {error.Message}", retriable: true);
        }

        var policy = delivery.Target.RetryPolicy;
        var retriesDone = attempt - 1;
        var delay = Backoff(attempt);
        var maxAge = TimeSpan.FromSeconds(policy.MaximumEventAgeInSeconds);
        string? exhausted = !failure.Retriable ? null
            : retriesDone >= policy.MaximumRetryAttempts ? "MaximumRetryAttempts"
            : clock.UtcNow + delay - delivery.Event.IngestedAt > maxAge ? "MaximumEventAgeInSeconds"
            : "";
        if (exhausted == "")
        {
            Record(delivery, attempt, DeliveryOutcome.Failed, failure);
            lock (_gate)
            {
                // A retry waiting for its backoff is not work in flight: a virtual clock may jump to it.
                Idle();
            }
            _ = RetryLaterAsync(delivery, attempt + 1, delay);
            return;
        }
        GiveUp(delivery, attempt, failure, exhausted);
        Finished();
    }

    private async Task RetryLaterAsync(PendingDelivery delivery, int attempt, TimeSpan delay)
    {
        try
        {
            await clock.DelayAsync(delay, _stopping.Token);
        }
        catch (OperationCanceledException)
        {
            lock (_gate)
            {
                Busy();
            }
            Finished();
            return;
        }
        lock (_gate)
        {
            Busy();
        }
        await AttemptAsync(delivery, attempt);
    }

    private void GiveUp(PendingDelivery delivery, int attempt, TargetDeliveryException failure, string? exhaustedCondition)
    {
        var target = delivery.Target;
        var queue = target.DeadLetterArn is null ? null : queues.FindByArn(target.DeadLetterArn);
        // EventBridge sends to a dead-letter queue as events.amazonaws.com: a queue whose policy does not allow it
        // loses the event, as on AWS.
        if (queue is null || !QueueConsent.Admits(queue, delivery.RuleArn, roleArn: null))
        {
            var why = target.DeadLetterArn is null ? "it has no dead-letter queue"
                : queue is null ? $"its dead-letter queue {target.DeadLetterArn} does not exist"
                : QueueConsent.Refusal(queue, delivery.RuleArn, roleArn: null);
            logger.LogWarning("EventBridge dropped event {EventId} for target {TargetId} of rule {RuleArn} after {Attempts} attempt(s) because {Why}: {Error}",
                delivery.Event.Id, target.Id, delivery.RuleArn, attempt, why, failure.Message);
            Record(delivery, attempt, DeliveryOutcome.Dropped, failure);
            return;
        }
        var attributes = new Dictionary<string, MessageAttribute>
        {
            ["RULE_ARN"] = new("String", delivery.RuleArn),
            ["TARGET_ARN"] = new("String", target.Arn),
            ["ERROR_CODE"] = new("String", failure.ErrorCode),
            ["ERROR_MESSAGE"] = new("String", failure.Message),
            ["RETRY_ATTEMPTS"] = new("Number", (attempt - 1).ToString(CultureInfo.InvariantCulture)),
        };
        if (!string.IsNullOrEmpty(exhaustedCondition))
        {
            attributes["EXHAUSTED_RETRY_CONDITION"] = new("String", exhaustedCondition);
        }
        queues.SendMessage(queue, delivery.Event.Json, attributes);
        Record(delivery, attempt, DeliveryOutcome.DeadLettered, failure);
    }

    // Exponential backoff with "equal jitter": half the step fixed, half random, capped.
    private static TimeSpan Backoff(int attempt)
    {
        var step = TimeSpan.FromTicks(Math.Min(MaxBackoff.Ticks, FirstBackoff.Ticks << Math.Min(attempt - 1, 20)));
        return step / 2 + step / 2 * Random.Shared.NextDouble();
    }

    private void Record(PendingDelivery delivery, int attempt, DeliveryOutcome outcome, TargetDeliveryException? failure) =>
        log.Append(new DeliveryRecord(delivery.Event.Id, delivery.RuleArn, delivery.Target.Id, delivery.Target.Arn, attempt, outcome,
            failure?.ErrorCode, failure?.Message, clock.UtcNow));

    // Deliveries queued or being attempted keep a virtual clock from firing timers (IActivityTracker).
    private void Busy()
    {
        if (_active++ == 0)
        {
            _activityLease = (clock as IActivityTracker)?.BeginActivity();
        }
    }

    private void Idle()
    {
        if (--_active == 0)
        {
            _activityLease?.Dispose();
            _activityLease = null;
        }
    }

    private void Finished()
    {
        lock (_gate)
        {
            Idle();
            if (--_pending == 0)
            {
                _idle.TrySetResult();
            }
        }
    }

    private static TaskCompletionSource Completed()
    {
        var source = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        source.SetResult();
        return source;
    }
}
