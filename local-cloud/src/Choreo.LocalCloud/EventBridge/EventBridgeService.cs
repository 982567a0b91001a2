using System.Text.Json;
using System.Text.Json.Nodes;
using Choreo.Contracts.Limits;
using Choreo.LocalCloud.Accounts;
using Choreo.LocalCloud.EventBridge.Delivery;
using Choreo.LocalCloud.EventBridge.Model;
using Choreo.LocalCloud.EventBridge.Patterns;
using Choreo.LocalCloud.EventBridge.Policies;
using Choreo.LocalCloud.Hosting;
using Choreo.LocalCloud.Services;
using Choreo.LocalCloud.Sqs;
using Choreo.LocalCloud.Time;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Choreo.LocalCloud.EventBridge;

/// <summary>
/// EventBridge for every account and region of one local-cloud instance: buses (the <c>default</c> bus exists
/// implicitly), rules, targets and bus policies; PutEvents with AWS's limits and per-entry errors; routing of accepted
/// events to matching rules' targets, delivered asynchronously by <see cref="TargetDispatcher"/>.
/// Step Functions and Lambda are reached through factories because they, in turn, put events here.
/// </summary>
public sealed class EventBridgeService : IEventBusGateway, IAsyncDisposable
{
    private readonly IClock _clock;
    private readonly TargetDispatcher _dispatcher;
    private readonly Dictionary<AccountContext, Dictionary<string, EventBus>> _buses = [];
    private readonly Lock _gate = new();
    private readonly ILogger _logger;

    /// <summary>The deepest detail whose event envelope still fits System.Text.Json's default depth of 64.</summary>
    private const int MaxDetailDepth = 63;

    /// <param name="functionPolicyOf">A function's resource-based policy by ARN, consulted before every Lambda delivery.</param>
    public EventBridgeService(IClock clock, SqsQueues queues, ILambdaInvoker lambdas, IStateMachineStarter stateMachines,
        ILogger<EventBridgeService>? logger = null, Func<string, string?>? functionPolicyOf = null)
    {
        _clock = clock;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        var invoker = new TargetInvoker(lambdas, stateMachines, queues, ForwardToBusAsync, functionPolicyOf);
        _dispatcher = new TargetDispatcher(clock, invoker, queues, Deliveries, _logger);
    }

    /// <summary>Every delivery attempt and outcome, for tests and <c>choreo trace</c>.</summary>
    public DeliveryLog Deliveries { get; } = new();

    /// <summary>Every event accepted by any bus, with the number of rules it matched.</summary>
    public EventJournal Journal { get; } = new();

    /// <summary>Completes when every event accepted so far has reached its targets, a dead-letter queue, or been dropped.</summary>
    public Task WhenDeliveriesIdleAsync(CancellationToken cancellationToken) => _dispatcher.WhenIdleAsync(cancellationToken);

    public ValueTask DisposeAsync() => _dispatcher.DisposeAsync();

    // ---- Buses -------------------------------------------------------------------------------------------------

    public EventBus CreateEventBus(AccountContext owner, string name, string? description)
    {
        if (string.IsNullOrEmpty(name) || name.Length > 256 || name.Contains('/', StringComparison.Ordinal))
        {
            throw new AwsServiceException("ValidationException", $"Event bus name '{name}' is not valid: 1 to 256 characters, no '/'.");
        }
        lock (_gate)
        {
            var buses = BusesOf(owner);
            if (buses.ContainsKey(name))
            {
                throw new AwsServiceException("ResourceAlreadyExistsException", $"Event bus {name} already exists.");
            }
            var bus = new EventBus(owner, name, description, _clock.UtcNow);
            buses[name] = bus;
            return bus;
        }
    }

    public EventBus GetEventBus(AccountContext owner, string name)
    {
        lock (_gate)
        {
            return BusesOf(owner).GetValueOrDefault(name) ?? throw BusNotFound(name);
        }
    }

    public IReadOnlyList<EventBus> ListEventBuses(AccountContext owner)
    {
        lock (_gate)
        {
            return BusesOf(owner).Values.OrderBy(bus => bus.Name, StringComparer.Ordinal).ToList();
        }
    }

    public void DeleteEventBus(AccountContext owner, string name)
    {
        if (name == EventBridgeArn.DefaultBusName)
        {
            throw new AwsServiceException("ValidationException", "Cannot delete event bus default.");
        }
        lock (_gate)
        {
            BusesOf(owner).Remove(name);
        }
    }

    /// <summary>Adds (or replaces by Sid) a statement on the bus policy, as PutPermission does.</summary>
    public void PutPermission(AccountContext owner, string busName, JsonObject statement)
    {
        lock (_gate)
        {
            var bus = BusesOf(owner).GetValueOrDefault(busName) ?? throw BusNotFound(busName);
            var updated = PermissionStatement.Upsert(bus.Policy, statement);
            BusPolicy.Validate(updated);
            bus.Policy = updated;
            bus.LastModifiedAt = _clock.UtcNow;
        }
    }

    /// <summary>Replaces the whole bus policy (PutPermission with <c>Policy</c>).</summary>
    public void SetPolicy(AccountContext owner, string busName, JsonObject policy)
    {
        lock (_gate)
        {
            var bus = BusesOf(owner).GetValueOrDefault(busName) ?? throw BusNotFound(busName);
            BusPolicy.Validate(policy);
            bus.Policy = (JsonObject)policy.DeepClone();
            bus.LastModifiedAt = _clock.UtcNow;
        }
    }

    public void RemovePermission(AccountContext owner, string busName, string? statementId, bool removeAll)
    {
        lock (_gate)
        {
            var bus = BusesOf(owner).GetValueOrDefault(busName) ?? throw BusNotFound(busName);
            if (removeAll)
            {
                bus.Policy = null;
                return;
            }
            var statements = bus.Policy?["Statement"] as JsonArray;
            var match = statements?.FirstOrDefault(statement => statement?["Sid"]?.GetValue<string>() == statementId);
            if (match is null)
            {
                throw new AwsServiceException("ResourceNotFoundException", "Statement with the provided id does not exist.");
            }
            statements!.Remove(match);
            if (statements.Count == 0)
            {
                bus.Policy = null;
            }
            bus.LastModifiedAt = _clock.UtcNow;
        }
    }

    // ---- Rules and targets -------------------------------------------------------------------------------------

    public EventRule PutRule(AccountContext owner, string busName, string name, string eventPattern, bool enabled, string? description, string? roleArn)
    {
        if (string.IsNullOrEmpty(name) || name.Length > 64)
        {
            throw new AwsServiceException("ValidationException", $"Rule name '{name}' is not valid: 1 to 64 characters.");
        }
        var pattern = EventPattern.Parse(eventPattern);
        lock (_gate)
        {
            var bus = BusesOf(owner).GetValueOrDefault(busName) ?? throw BusNotFound(busName);
            if (!bus.Rules.TryGetValue(name, out var rule))
            {
                rule = new EventRule(owner, busName, name);
                bus.Rules[name] = rule;
            }
            rule.EventPatternText = eventPattern;
            rule.Pattern = pattern;
            rule.Enabled = enabled;
            rule.Description = description;
            rule.RoleArn = roleArn;
            return rule;
        }
    }

    public EventRule GetRule(AccountContext owner, string busName, string name)
    {
        lock (_gate)
        {
            return FindRule(owner, busName, name);
        }
    }

    public IReadOnlyList<EventRule> ListRules(AccountContext owner, string busName, string? namePrefix)
    {
        lock (_gate)
        {
            var bus = BusesOf(owner).GetValueOrDefault(busName) ?? throw BusNotFound(busName);
            return bus.Rules.Values
                .Where(rule => namePrefix is null || rule.Name.StartsWith(namePrefix, StringComparison.Ordinal))
                .OrderBy(rule => rule.Name, StringComparer.Ordinal)
                .ToList();
        }
    }

    public void SetRuleState(AccountContext owner, string busName, string name, bool enabled)
    {
        lock (_gate)
        {
            FindRule(owner, busName, name).Enabled = enabled;
        }
    }

    public void DeleteRule(AccountContext owner, string busName, string name)
    {
        lock (_gate)
        {
            var bus = BusesOf(owner).GetValueOrDefault(busName) ?? throw BusNotFound(busName);
            if (bus.Rules.TryGetValue(name, out var rule) && rule.Targets.Count > 0)
            {
                throw new AwsServiceException("ValidationException", "Rule can't be deleted since it has targets.");
            }
            bus.Rules.Remove(name);
        }
    }

    public IReadOnlyList<RuleTarget> ListTargets(AccountContext owner, string busName, string ruleName)
    {
        lock (_gate)
        {
            return FindRule(owner, busName, ruleName).TargetsInOrder();
        }
    }

    public void PutTargets(AccountContext owner, string busName, string ruleName, IReadOnlyList<RuleTarget> targets)
    {
        lock (_gate)
        {
            var rule = FindRule(owner, busName, ruleName);
            foreach (var target in targets)
            {
                TargetAdmission.Check(owner, target, (busOwner, name) => BusesOf(busOwner).GetValueOrDefault(name));
            }
            var newIds = targets.Select(target => target.Id).Where(id => !rule.Targets.ContainsKey(id)).Distinct().Count();
            if (rule.Targets.Count + newIds > 5)
            {
                throw new AwsServiceException("LimitExceededException",
                    $"The requested resource exceeds the maximum number allowed: rule {ruleName} may have at most 5 targets.");
            }
            foreach (var target in targets)
            {
                if (!rule.Targets.ContainsKey(target.Id))
                {
                    rule.TargetOrder.Add(target.Id);
                }
                rule.Targets[target.Id] = target;
            }
        }
    }

    public void RemoveTargets(AccountContext owner, string busName, string ruleName, IReadOnlyList<string> ids)
    {
        lock (_gate)
        {
            var rule = FindRule(owner, busName, ruleName);
            foreach (var id in ids)
            {
                rule.Targets.Remove(id);
                rule.TargetOrder.Remove(id);
            }
        }
    }

    // ---- Events ------------------------------------------------------------------------------------------------

    /// <summary>PutEvents as <paramref name="caller"/>: 1..10 entries and 256 KB in all, else ValidationException; per-entry errors otherwise.</summary>
    public Task<PutEventsResult> PutEventsAsync(AccountContext caller, IReadOnlyList<PutEventsEntry> entries, CancellationToken cancellationToken)
    {
        if (entries.Count < 1)
        {
            throw new AwsServiceException("ValidationException",
                "1 validation error detected: Value at 'entries' failed to satisfy constraint: Member must have length greater than or equal to 1");
        }
        if (entries.Count > EventEntrySize.MaxEntriesPerRequest)
        {
            throw new AwsServiceException("ValidationException",
                $"1 validation error detected: Value at 'entries' failed to satisfy constraint: Member must have length less than or equal to {EventEntrySize.MaxEntriesPerRequest}");
        }
        var total = entries.Sum(entry => EventEntrySize.Of(entry.Source, entry.DetailType, entry.Detail, entry.Resources, entry.Time is not null));
        if (!EventEntrySize.Fits(total))
        {
            throw new AwsServiceException("ValidationException", "Total size of the entries in the request is over the limit.");
        }

        // Every entry is validated and built before any is delivered, so a bad entry can never leave the request
        // half done: the SDK retries a 5xx, and a retry of a half-delivered batch delivers its first entries twice.
        var prepared = entries.Select(entry => Prepare(caller, entry)).ToList();
        var results = new List<PutEventsResultEntry>(entries.Count);
        foreach (var (failure, bus, ingested) in prepared)
        {
            if (failure is not null)
            {
                results.Add(failure);
                continue;
            }

            try
            {
                Route(bus!, ingested!);
                results.Add(new PutEventsResultEntry(ingested!.Id));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Earlier entries are already delivered: this one fails alone, as AWS reports per-entry failures.
                _logger.LogError(e, "PutEvents could not route event {EventId}", ingested!.Id);
                results.Add(Failed("InternalFailure", "The event could not be delivered because of an internal error; put it again."));
            }
        }
        return Task.FromResult(new PutEventsResult(results.Count(result => result.ErrorCode is not null), results));
    }

    /// <summary>TestEventPattern: whether <paramref name="eventJson"/> matches <paramref name="eventPattern"/>.</summary>
    public static bool TestEventPattern(string eventPattern, string eventJson)
    {
        var pattern = EventPattern.Parse(eventPattern);
        JsonElement element;
        try
        {
            using var document = JsonDocument.Parse(eventJson);
            element = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            throw new AwsServiceException("ValidationException", "Parameter Event is not valid. Reason: Event is not valid JSON.");
        }
        string[] required = ["id", "account", "source", "time", "region", "detail-type"];
        if (element.ValueKind != JsonValueKind.Object || required.Any(name => !element.TryGetProperty(name, out _)))
        {
            throw new AwsServiceException("ValidationException",
                "Parameter Event is not valid. Reason: Provided Event must contain the fields id, account, source, time, region and detail-type.");
        }
        return pattern.Matches(element);
    }

    /// <summary>Validates one entry and builds its event, without delivering it: a failure, or the bus and event to route.</summary>
    private (PutEventsResultEntry? Failure, EventBus? Bus, IngestedEvent? Event) Prepare(AccountContext caller, PutEventsEntry entry)
    {
        if (string.IsNullOrEmpty(entry.Source))
        {
            return (Failed("InvalidArgument", "Parameter Source is not valid. Reason: Source is a required argument."), null, null);
        }
        if (string.IsNullOrEmpty(entry.DetailType))
        {
            return (Failed("InvalidArgument", "Parameter DetailType is not valid. Reason: DetailType is a required argument."), null, null);
        }
        if (string.IsNullOrEmpty(entry.Detail))
        {
            return (Failed("InvalidArgument", "Parameter Detail is not valid. Reason: Detail is a required argument."), null, null);
        }
        JsonNode? detail;
        try
        {
            // The envelope nests the detail one level deeper, so a detail must leave it a level of JSON's 64.
            detail = JsonNode.Parse(entry.Detail, documentOptions: new JsonDocumentOptions { MaxDepth = MaxDetailDepth });
        }
        catch (JsonException)
        {
            detail = null;
        }
        if (detail is not JsonObject)
        {
            return (Failed("MalformedDetail", "Detail is malformed."), null, null);
        }
        if (entry.Source.StartsWith("aws.", StringComparison.Ordinal))
        {
            return (Failed("NotAuthorizedForSourceException", "Not authorized for the source."), null, null);
        }
        if (EventBridgeArn.ResolveBus(entry.EventBusName, caller) is not var (owner, busName))
        {
            return (Failed("ValidationException", $"Parameter EventBusName is not valid. Reason: '{entry.EventBusName}' is neither a bus name nor an event-bus ARN."), null, null);
        }
        EventBus? bus;
        lock (_gate)
        {
            bus = BusesOf(owner).GetValueOrDefault(busName);
        }
        if (bus is null)
        {
            return (Failed("ResourceNotFoundException", $"Event bus {busName} does not exist."), null, null);
        }
        if (owner.AccountId != caller.AccountId
            && !BusPolicy.Allows(bus.Policy, new PutEventsAuthorization(caller.AccountId, bus.Arn, entry.Source, entry.DetailType)))
        {
            return (Failed("AccessDeniedException", PutEventsAuthorization.NotAuthorized(caller.AccountId, bus.Arn)), null, null);
        }
        var now = _clock.UtcNow;
        try
        {
            return (null, bus, IngestedEvent.Create(entry.Source, entry.DetailType, detail, caller.AccountId, owner.Region,
                entry.Resources ?? [], entry.Time ?? now, now));
        }
        catch (JsonException)
        {
            return (Failed("MalformedDetail", "Detail is malformed."), null, null);
        }
    }

    /// <summary>A bus target: the rule's account puts the event on the target bus, which evaluates its policy every time.</summary>
    private Task ForwardToBusAsync(IngestedEvent ingested, string busArn, string principalAccount, CancellationToken cancellationToken)
    {
        var (owner, busName) = EventBridgeArn.ResolveBus(busArn, new AccountContext(principalAccount, ingested.Region))
            ?? throw new TargetDeliveryException(TargetDeliveryException.ClientError, $"{busArn} is not an event bus ARN.", retriable: false);
        EventBus? bus;
        lock (_gate)
        {
            bus = BusesOf(owner).GetValueOrDefault(busName);
        }
        if (bus is null)
        {
            throw new TargetDeliveryException(TargetDeliveryException.ResourceNotFound, $"Event bus {busArn} does not exist.", retriable: false);
        }
        if (owner.AccountId != principalAccount
            && !BusPolicy.Allows(bus.Policy, new PutEventsAuthorization(principalAccount, bus.Arn, ingested.Source, ingested.DetailType)))
        {
            throw new TargetDeliveryException(TargetDeliveryException.NoPermissions, PutEventsAuthorization.NotAuthorized(principalAccount, bus.Arn), retriable: false);
        }
        Route(bus, ingested.Forwarded(_clock.UtcNow));
        return Task.CompletedTask;
    }

    private void Route(EventBus bus, IngestedEvent ingested)
    {
        List<PendingDelivery> deliveries = [];
        lock (_gate)
        {
            foreach (var rule in bus.Rules.Values.Where(rule => rule.Enabled && rule.Pattern is not null))
            {
                if (!rule.Pattern!.Matches(ingested.Element))
                {
                    continue;
                }
                deliveries.AddRange(rule.TargetsInOrder().Select(target => new PendingDelivery(rule.Name, rule.Arn, target, ingested)));
            }
        }
        Journal.Append(new JournalEntry(bus.Arn, ingested, deliveries.Select(d => d.RuleArn).Distinct().Count(), _clock.UtcNow));
        foreach (var delivery in deliveries)
        {
            _dispatcher.Enqueue(delivery);
        }
    }

    private Dictionary<string, EventBus> BusesOf(AccountContext owner)
    {
        if (!_buses.TryGetValue(owner, out var buses))
        {
            buses = new Dictionary<string, EventBus>
            {
                [EventBridgeArn.DefaultBusName] = new(owner, EventBridgeArn.DefaultBusName, null, _clock.UtcNow),
            };
            _buses[owner] = buses;
        }
        return buses;
    }

    private EventRule FindRule(AccountContext owner, string busName, string name)
    {
        var bus = BusesOf(owner).GetValueOrDefault(busName) ?? throw BusNotFound(busName);
        return bus.Rules.GetValueOrDefault(name)
            ?? throw new AwsServiceException("ResourceNotFoundException", $"Rule {name} does not exist on EventBus {busName}.");
    }

    private static AwsServiceException BusNotFound(string name) => new("ResourceNotFoundException", $"Event bus {name} does not exist.");

    private static PutEventsResultEntry Failed(string code, string message) => new(null, code, message);
}
