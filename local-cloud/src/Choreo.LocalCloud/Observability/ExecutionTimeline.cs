using System.Text.Json;
using Choreo.LocalCloud.Accounts;
using Choreo.LocalCloud.EventBridge.Delivery;
using Choreo.LocalCloud.EventBridge.Model;
using Choreo.LocalCloud.Lambda.Invocation;
using Choreo.LocalCloud.StepFunctions.Api;
using Choreo.LocalCloud.StepFunctions.Execution;

namespace Choreo.LocalCloud.Observability;

/// <summary>
/// Everything one execution caused, across accounts and services, in time order: its state transitions,
/// every event that carries its ARN (including side effects and Lambda failure records), where each event
/// was delivered, and every function invocation those events started. This is the cross-account view the
/// article's part 2 is about, which X-Ray does not give. It reads the services' logs, never the whole instance.
/// </summary>
public sealed class ExecutionTimeline(StepFunctionsService executions, EventJournal eventJournal, DeliveryLog deliveryLog, InvocationLog invocationLog)
{
    private static readonly HashSet<string> StateEvents =
    [
        "ExecutionStarted", "ExecutionSucceeded", "ExecutionFailed", "ExecutionTimedOut", "ExecutionAborted",
        "TaskStateEntered", "TaskSubmitted", "TaskSucceeded", "TaskFailed", "TaskTimedOut",
        "MapStateStarted", "MapStateSucceeded", "MapStateFailed", "MapIterationFailed",
        "PassStateEntered", "FailStateEntered", "SucceedStateEntered", "ChoiceStateEntered",
    ];

    public IReadOnlyList<TimelineEntry> For(string executionArn, IEnumerable<string>? extraEventIds = null)
    {
        var entries = new List<TimelineEntry>();
        long sequence = 0;
        if (executions.TryGetExecution(executionArn, out var execution))
        {
            entries.AddRange(StateTransitions(execution).Select(e => e with { Sequence = sequence++ }));
        }

        var extra = extraEventIds?.ToHashSet(StringComparer.Ordinal) ?? [];
        var deliveries = deliveryLog.Snapshot().ToLookup(d => d.EventId);
        var invocations = invocationLog.All.Where(i => i.EventId is not null).ToLookup(i => i.EventId!);
        foreach (var journal in eventJournal.Snapshot())
        {
            if (!extra.Contains(journal.Event.Id) && ExecutionOf(journal.Event) != executionArn)
            {
                continue;
            }
            var owner = AccountOfArn(journal.BusArn);
            var routed = journal.MatchedRules == 0 ? "matched no rule" : $"matched {journal.MatchedRules} rule(s)";
            entries.Add(new TimelineEntry(journal.Time, owner, "events", $"{journal.Event.DetailType} from {journal.Event.Source}",
                $"on {NameOfArn(journal.BusArn)} ({routed}), id {journal.Event.Id}", sequence++));
            foreach (var delivery in deliveries[journal.Event.Id].Where(d => AccountOfArn(d.RuleArn) == owner))
            {
                var error = delivery.ErrorCode is null ? string.Empty : $": {delivery.ErrorCode} {delivery.ErrorMessage}";
                entries.Add(new TimelineEntry(delivery.Time, owner, "events", $"  → {NameOfArn(delivery.TargetArn)}",
                    $"{delivery.Outcome} by rule {NameOfArn(delivery.RuleArn)} (attempt {delivery.Attempt}){error}", sequence++));
            }
            foreach (var invocation in invocations[journal.Event.Id].Where(i => AccountOfArn(i.FunctionArn) == owner))
            {
                var outcome = invocation.Error is null ? "succeeded" : $"failed: {invocation.Error.ErrorType}: {invocation.Error.ErrorMessage}";
                var took = invocation.Ended is { } ended ? $" in {(ended - invocation.Started).TotalMilliseconds:0} ms" : string.Empty;
                entries.Add(new TimelineEntry(invocation.Started, owner, "lambda", $"  λ {NameOfArn(invocation.FunctionArn)}",
                    $"{outcome}{took} (request {invocation.RequestId}, attempt {invocation.Attempt})", sequence++));
            }
        }
        return entries.OrderBy(e => e.Time).ThenBy(e => e.Sequence).ToList();
    }

    private static IEnumerable<TimelineEntry> StateTransitions(ExecutionRun execution)
    {
        var account = execution.Account.AccountId;
        foreach (var e in execution.History.Snapshot().Where(e => StateEvents.Contains(e.Type)))
        {
            var name = e.Details?["name"]?.ToString();
            var detail = e.Type switch
            {
                "TaskSubmitted" or "TaskSucceeded" => e.Details?["resource"]?.ToString() ?? string.Empty,
                "TaskFailed" or "ExecutionFailed" or "TaskTimedOut" or "MapIterationFailed" =>
                    $"{e.Details?["error"]} {e.Details?["cause"]}".Trim(),
                "MapStateStarted" => $"{e.Details?["length"]} item(s)",
                _ => name ?? string.Empty,
            };
            yield return new TimelineEntry(e.Timestamp, account, "states", e.Type, detail);
        }
    }

    /// <summary>The execution an event belongs to: <c>detail.execution</c>, or inside a Lambda destination record the original event's.</summary>
    private static string? ExecutionOf(IngestedEvent e)
    {
        if (!e.Element.TryGetProperty("detail", out var detail) || detail.ValueKind != JsonValueKind.Object)
        {
            return null;
        }
        if (detail.TryGetProperty("execution", out var execution) && execution.ValueKind == JsonValueKind.String)
        {
            return execution.GetString();
        }
        return detail.TryGetProperty("requestPayload", out var request) && request.ValueKind == JsonValueKind.Object
            && request.TryGetProperty("detail", out var original) && original.ValueKind == JsonValueKind.Object
            && original.TryGetProperty("execution", out var inner) && inner.ValueKind == JsonValueKind.String
                ? inner.GetString()
                : null;
    }

    private static string AccountOfArn(string arn) => Arn.TryParse(arn, out var parsed) ? parsed.Account : string.Empty;

    private static string NameOfArn(string arn) => Arn.TryParse(arn, out var parsed) ? parsed.ResourceName : arn;
}
