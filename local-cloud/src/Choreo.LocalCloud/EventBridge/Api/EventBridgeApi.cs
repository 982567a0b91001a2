using System.Globalization;
using System.Text.Json.Nodes;
using Choreo.Contracts.Accounts;
using Choreo.LocalCloud.Accounts;
using Choreo.LocalCloud.EventBridge.Model;
using Choreo.LocalCloud.EventBridge.Policies;
using Choreo.LocalCloud.Hosting;
using Choreo.LocalCloud.Services;

namespace Choreo.LocalCloud.EventBridge.Api;

/// <summary>
/// EventBridge's API: PutEvents, PutRule, DescribeRule, ListRules, EnableRule, DisableRule, DeleteRule, PutTargets,
/// ListTargetsByRule, RemoveTargets, CreateEventBus, DescribeEventBus, ListEventBuses, DeleteEventBus, PutPermission,
/// RemovePermission and TestEventPattern. Scheduled rules are not supported.
/// </summary>
public sealed class EventBridgeApi(EventBridgeService events) : IAwsJsonService
{
    public string TargetPrefix => "AWSEvents";
    public string SigningName => "events";

    public async Task<JsonNode> HandleAsync(string operation, JsonNode request, AccountContext caller, CancellationToken cancellationToken)
    {
        var body = request as JsonObject ?? [];
        return operation switch
        {
            "PutEvents" => await PutEventsAsync(body, caller, cancellationToken),
            "PutRule" => PutRule(body, caller),
            "DescribeRule" => DescribeRule(body, caller),
            "ListRules" => ListRules(body, caller),
            "EnableRule" => SetRuleState(body, caller, enabled: true),
            "DisableRule" => SetRuleState(body, caller, enabled: false),
            "DeleteRule" => DeleteRule(body, caller),
            "PutTargets" => PutTargets(body, caller),
            "ListTargetsByRule" => ListTargetsByRule(body, caller),
            "RemoveTargets" => RemoveTargets(body, caller),
            "CreateEventBus" => CreateEventBus(body, caller),
            "DescribeEventBus" => DescribeEventBus(body, caller),
            "ListEventBuses" => ListEventBuses(body, caller),
            "DeleteEventBus" => DeleteEventBus(body, caller),
            "PutPermission" => PutPermission(body, caller),
            "RemovePermission" => RemovePermission(body, caller),
            "TestEventPattern" => TestEventPattern(body),
            _ => throw new AwsServiceException("UnknownOperationException", $"Operation {operation} is not supported by local-cloud's EventBridge."),
        };
    }

    private async Task<JsonNode> PutEventsAsync(JsonObject body, AccountContext caller, CancellationToken cancellationToken)
    {
        var entries = (body["Entries"] as JsonArray ?? [])
            .Select(node => node as JsonObject ?? [])
            .Select(entry => new PutEventsEntry(
                Text(entry, "Source"),
                Text(entry, "DetailType"),
                Text(entry, "Detail"),
                Text(entry, "EventBusName"),
                entry["Resources"] is JsonArray resources ? resources.Select(resource => resource?.GetValue<string>() ?? "").ToList() : null,
                ReadTime(entry["Time"])))
            .ToList();
        var result = await events.PutEventsAsync(caller, entries, cancellationToken);
        var output = new JsonArray();
        foreach (var entry in result.Entries)
        {
            output.Add(entry.ErrorCode is null
                ? new JsonObject { ["EventId"] = entry.EventId }
                : new JsonObject { ["ErrorCode"] = entry.ErrorCode, ["ErrorMessage"] = entry.ErrorMessage });
        }
        return new JsonObject { ["FailedEntryCount"] = result.FailedEntryCount, ["Entries"] = output };
    }

    private JsonNode PutRule(JsonObject body, AccountContext caller)
    {
        var (owner, busName) = OwnBus(body, "EventBusName", caller);
        if (Text(body, "ScheduleExpression") is not null)
        {
            throw new AwsServiceException("ValidationException", "ScheduleExpression is not supported by local-cloud's EventBridge; use an EventPattern.");
        }
        var pattern = Text(body, "EventPattern")
            ?? throw new AwsServiceException("ValidationException", "Parameter(s) EventPattern or ScheduleExpression must be specified.");
        var state = Text(body, "State") ?? "ENABLED";
        if (state is not "ENABLED" and not "DISABLED")
        {
            throw new AwsServiceException("ValidationException", $"Parameter State is not valid: '{state}' (ENABLED or DISABLED).");
        }
        var rule = events.PutRule(owner, busName, Required(body, "Name"), pattern, state == "ENABLED", Text(body, "Description"), Text(body, "RoleArn"));
        return new JsonObject { ["RuleArn"] = rule.Arn };
    }

    private JsonNode DescribeRule(JsonObject body, AccountContext caller)
    {
        var (owner, busName) = OwnBus(body, "EventBusName", caller);
        var rule = RuleJson(events.GetRule(owner, busName, Required(body, "Name")));
        rule["CreatedBy"] = owner.AccountId;
        return rule;
    }

    private JsonNode ListRules(JsonObject body, AccountContext caller)
    {
        var (owner, busName) = OwnBus(body, "EventBusName", caller);
        var rules = events.ListRules(owner, busName, Text(body, "NamePrefix"));
        var (page, nextToken) = Page(rules, body);
        var response = new JsonObject { ["Rules"] = new JsonArray([.. page.Select(rule => (JsonNode)RuleJson(rule))]) };
        if (nextToken is not null)
        {
            response["NextToken"] = nextToken;
        }
        return response;
    }

    private JsonNode SetRuleState(JsonObject body, AccountContext caller, bool enabled)
    {
        var (owner, busName) = OwnBus(body, "EventBusName", caller);
        events.SetRuleState(owner, busName, Required(body, "Name"), enabled);
        return new JsonObject();
    }

    private JsonNode DeleteRule(JsonObject body, AccountContext caller)
    {
        var (owner, busName) = OwnBus(body, "EventBusName", caller);
        events.DeleteRule(owner, busName, Required(body, "Name"));
        return new JsonObject();
    }

    private JsonNode PutTargets(JsonObject body, AccountContext caller)
    {
        var (owner, busName) = OwnBus(body, "EventBusName", caller);
        var given = body["Targets"] as JsonArray ?? [];
        if (given.Count is < 1 or > 10)
        {
            throw new AwsServiceException("ValidationException",
                "1 validation error detected: Value at 'targets' failed to satisfy constraint: Member must have length between 1 and 10");
        }
        var targets = given.Select(node => RuleTargetReader.Read(node as JsonObject ?? [])).ToList();
        events.PutTargets(owner, busName, Required(body, "Rule"), targets);
        return new JsonObject { ["FailedEntryCount"] = 0, ["FailedEntries"] = new JsonArray() };
    }

    private JsonNode ListTargetsByRule(JsonObject body, AccountContext caller)
    {
        var (owner, busName) = OwnBus(body, "EventBusName", caller);
        var targets = events.ListTargets(owner, busName, Required(body, "Rule"));
        return new JsonObject { ["Targets"] = new JsonArray([.. targets.Select(target => (JsonNode)RuleTargetReader.Write(target))]) };
    }

    private JsonNode RemoveTargets(JsonObject body, AccountContext caller)
    {
        var (owner, busName) = OwnBus(body, "EventBusName", caller);
        var ids = (body["Ids"] as JsonArray ?? []).Select(id => id?.GetValue<string>() ?? "").ToList();
        events.RemoveTargets(owner, busName, Required(body, "Rule"), ids);
        return new JsonObject { ["FailedEntryCount"] = 0, ["FailedEntries"] = new JsonArray() };
    }

    private JsonNode CreateEventBus(JsonObject body, AccountContext caller)
    {
        if (Text(body, "EventSourceName") is not null)
        {
            throw new AwsServiceException("ValidationException", "Partner event sources are not supported by local-cloud's EventBridge.");
        }
        var bus = events.CreateEventBus(caller, Required(body, "Name"), Text(body, "Description"));
        var response = new JsonObject { ["EventBusArn"] = bus.Arn };
        if (bus.Description is not null)
        {
            response["Description"] = bus.Description;
        }
        return response;
    }

    private JsonNode DescribeEventBus(JsonObject body, AccountContext caller)
    {
        var (owner, busName) = OwnBus(body, "Name", caller);
        return BusJson(events.GetEventBus(owner, busName));
    }

    private JsonNode ListEventBuses(JsonObject body, AccountContext caller)
    {
        var prefix = Text(body, "NamePrefix") ?? "";
        var buses = events.ListEventBuses(caller).Where(bus => bus.Name.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        var (page, nextToken) = Page(buses, body);
        var response = new JsonObject { ["EventBuses"] = new JsonArray([.. page.Select(bus => (JsonNode)BusJson(bus))]) };
        if (nextToken is not null)
        {
            response["NextToken"] = nextToken;
        }
        return response;
    }

    private JsonNode DeleteEventBus(JsonObject body, AccountContext caller)
    {
        events.DeleteEventBus(caller, Required(body, "Name"));
        return new JsonObject();
    }

    private JsonNode PutPermission(JsonObject body, AccountContext caller)
    {
        var (owner, busName) = OwnBus(body, "EventBusName", caller);
        if (Text(body, "Policy") is { } policyText)
        {
            JsonObject? policy;
            try
            {
                policy = JsonNode.Parse(policyText) as JsonObject;
            }
            catch (System.Text.Json.JsonException)
            {
                policy = null;
            }
            if (policy is null)
            {
                throw new AwsServiceException("ValidationException", "Parameter Policy is not valid. Reason: it must be a JSON policy document.");
            }
            events.SetPolicy(owner, busName, policy);
            return new JsonObject();
        }
        var principal = Required(body, "Principal");
        if (principal != "*" && !AwsAccountId.IsValid(principal))
        {
            throw new AwsServiceException("ValidationException", $"Parameter Principal is not valid: '{principal}' is neither '*' nor a 12-digit account id.");
        }
        var action = Text(body, "Action") ?? PutEventsAuthorization.Action;
        if (action != PutEventsAuthorization.Action)
        {
            throw new AwsServiceException("ValidationException", $"Parameter Action is not valid: only {PutEventsAuthorization.Action} can be granted with PutPermission.");
        }
        var bus = events.GetEventBus(owner, busName);
        var statement = PermissionStatement.Build(Required(body, "StatementId"), principal, action, bus.Arn, body["Condition"] as JsonObject);
        events.PutPermission(owner, busName, statement);
        return new JsonObject();
    }

    private JsonNode RemovePermission(JsonObject body, AccountContext caller)
    {
        var (owner, busName) = OwnBus(body, "EventBusName", caller);
        var removeAll = body["RemoveAllPermissions"]?.GetValue<bool>() ?? false;
        events.RemovePermission(owner, busName, removeAll ? null : Required(body, "StatementId"), removeAll);
        return new JsonObject();
    }

    private static JsonNode TestEventPattern(JsonObject body) =>
        new JsonObject { ["Result"] = EventBridgeService.TestEventPattern(Required(body, "EventPattern"), Required(body, "Event")) };

    private static JsonObject RuleJson(EventRule rule)
    {
        var json = new JsonObject
        {
            ["Name"] = rule.Name,
            ["Arn"] = rule.Arn,
            ["EventPattern"] = rule.EventPatternText,
            ["State"] = rule.State,
            ["EventBusName"] = rule.BusName,
        };
        if (rule.Description is not null) json["Description"] = rule.Description;
        if (rule.RoleArn is not null) json["RoleArn"] = rule.RoleArn;
        return json;
    }

    private static JsonObject BusJson(EventBus bus)
    {
        var json = new JsonObject
        {
            ["Name"] = bus.Name,
            ["Arn"] = bus.Arn,
            ["CreationTime"] = bus.CreatedAt.ToUnixTimeMilliseconds() / 1000.0,
            ["LastModifiedTime"] = bus.LastModifiedAt.ToUnixTimeMilliseconds() / 1000.0,
        };
        if (bus.Description is not null) json["Description"] = bus.Description;
        if (bus.Policy is not null) json["Policy"] = bus.Policy.ToJsonString();
        return json;
    }

    // Management calls act on the caller's own buses; an ARN of another account's bus is refused, as AWS does.
    private static (AccountContext Owner, string BusName) OwnBus(JsonObject body, string field, AccountContext caller)
    {
        var given = Text(body, field);
        var resolved = EventBridgeArn.ResolveBus(given, caller)
            ?? throw new AwsServiceException("ValidationException", $"Parameter {field} is not valid: '{given}' is neither a bus name nor an event-bus ARN.");
        if (resolved.Owner.AccountId != caller.AccountId)
        {
            throw new AwsServiceException("AccessDeniedException",
                $"User: arn:aws:iam::{caller.AccountId}:root is not authorized to manage event bus {given} of account {resolved.Owner.AccountId}.");
        }
        return resolved;
    }

    private static (IReadOnlyList<T> Page, string? NextToken) Page<T>(IReadOnlyList<T> items, JsonObject body)
    {
        var start = Text(body, "NextToken") is { } token && int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var offset) ? offset : 0;
        var limit = body["Limit"]?.GetValue<int>() ?? 100;
        var page = items.Skip(start).Take(limit).ToList();
        var next = start + page.Count < items.Count ? (start + page.Count).ToString(CultureInfo.InvariantCulture) : null;
        return (page, next);
    }

    // The JSON protocol sends timestamps as epoch seconds; accept ISO text too.
    private static DateTimeOffset? ReadTime(JsonNode? node) => node switch
    {
        JsonValue value when value.TryGetValue<double>(out var seconds) => DateTimeOffset.FromUnixTimeMilliseconds((long)(seconds * 1000)),
        JsonValue value when value.TryGetValue<string>(out var text) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) => time,
        _ => null,
    };

    private static string Required(JsonObject body, string name) =>
        Text(body, name) ?? throw new AwsServiceException("ValidationException", $"Parameter {name} is not valid. Reason: {name} is a required argument.");

    private static string? Text(JsonObject body, string name) =>
        body[name] is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0 ? text : null;
}
