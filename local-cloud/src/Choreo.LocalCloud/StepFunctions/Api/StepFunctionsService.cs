using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Choreo.LocalCloud.Accounts;
using Choreo.LocalCloud.Hosting;
using Choreo.LocalCloud.Services;
using Choreo.LocalCloud.StepFunctions.Asl.Json;
using Choreo.LocalCloud.StepFunctions.Asl.Parsing;
using Choreo.LocalCloud.StepFunctions.Asl.Validation;
using Choreo.LocalCloud.StepFunctions.Execution;
using Choreo.LocalCloud.StepFunctions.Integrations;
using Choreo.LocalCloud.StepFunctions.MapRuns;
using Choreo.LocalCloud.Time;

namespace Choreo.LocalCloud.StepFunctions.Api;

/// <summary>
/// The Step Functions API (awsJson 1.0, <c>AWSStepFunctions.*</c>) for every account, and the
/// <see cref="IStateMachineStarter"/> EventBridge targets use. Executions run on the thread pool.
/// </summary>
public sealed class StepFunctionsService : IAwsJsonService, IStateMachineStarter
{
    private const int DefaultPageSize = 100;
    private const int MaxPageSize = 1000;

    private readonly ConcurrentDictionary<string, StateMachineRecord> _machines = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ExecutionRun> _executions = new(StringComparer.Ordinal);
    private readonly ExecutionServices _services;

    /// <param name="clock">Time for executions: a <see cref="VirtualClock"/> in tests.</param>
    /// <param name="events">EventBridge, for the putEvents integration (absent: that resource is refused).</param>
    /// <param name="lambda">Lambda, for lambda:invoke and function ARNs (absent: those resources are refused).</param>
    /// <param name="dynamoDb">DynamoDB, for the dynamodb and aws-sdk:dynamodb resources (absent: those resources are refused).</param>
    /// <param name="buckets">S3, for Distributed Map ItemReader and ResultWriter (absent: those fail at run time).</param>
    public StepFunctionsService(
        IClock clock, IEventBusGateway? events = null, ILambdaInvoker? lambda = null, IDynamoDbGateway? dynamoDb = null, IBucketObjects? buckets = null)
    {
        Clock = clock;
        Tokens = new TaskTokenStore();
        var integrations = new List<ITaskIntegration> { new SfnTaskCallbackIntegration(Tokens) };
        if (events is not null)
        {
            integrations.Add(new EventBridgePutEventsIntegration(events));
        }

        if (lambda is not null)
        {
            integrations.Add(new LambdaInvokeIntegration(lambda));
        }

        if (dynamoDb is not null)
        {
            integrations.Add(new DynamoDbIntegration(dynamoDb));
        }

        _services = new ExecutionServices(clock, Tokens, integrations)
        {
            Buckets = buckets,
            ExecutionStarted = run => _executions.TryAdd(run.ExecutionArn, run),
        };
    }

    public string TargetPrefix => "AWSStepFunctions";

    public string SigningName => "states";

    public IClock Clock { get; }

    public TaskTokenStore Tokens { get; }

    /// <summary>Any execution, Express included (AWS keeps no Express history; local-cloud does, for tracing).</summary>
    public bool TryGetExecution(string executionArn, out ExecutionRun execution) => _executions.TryGetValue(executionArn, out execution!);

    /// <summary>Every execution of <paramref name="stateMachineArn"/> (Standard and Express), oldest first.</summary>
    public IReadOnlyList<ExecutionRun> ExecutionsOf(string stateMachineArn) =>
        _executions.Values.Where(e => e.StateMachine.Arn == stateMachineArn).OrderBy(e => e.StartDate).ToList();

    public Task<JsonNode> HandleAsync(string operation, JsonNode request, AccountContext caller, CancellationToken cancellationToken)
    {
        var body = request as JsonObject ?? new JsonObject();
        JsonNode response = operation switch
        {
            "CreateStateMachine" => CreateStateMachine(body, caller),
            "DescribeStateMachine" => DescribeStateMachine(body, caller),
            "ListStateMachines" => ListStateMachines(body, caller),
            "DeleteStateMachine" => DeleteStateMachine(body, caller),
            "UpdateStateMachine" => UpdateStateMachine(body, caller),
            "ValidateStateMachineDefinition" => ValidateStateMachineDefinition(body),
            "StartExecution" => StartExecution(body, caller),
            "DescribeExecution" => DescribeExecution(body, caller),
            "ListExecutions" => ListExecutions(body, caller),
            "GetExecutionHistory" => GetExecutionHistory(body, caller),
            "StopExecution" => StopExecution(body, caller),
            "SendTaskSuccess" => SendTaskSuccess(body, caller),
            "SendTaskFailure" => SendTaskFailure(body, caller),
            "SendTaskHeartbeat" => SendTaskHeartbeat(body, caller),
            "RedriveExecution" => RedriveExecution(body, caller),
            "ListMapRuns" => ListMapRuns(body, caller),
            "DescribeMapRun" => DescribeMapRun(body, caller),
            "UpdateMapRun" => UpdateMapRun(body, caller),
            "StartSyncExecution" => null!,
            _ => throw new AwsServiceException("UnknownOperationException", $"The operation {operation} is not supported by local-cloud's Step Functions"),
        };

        return operation == "StartSyncExecution" ? StartSyncExecutionAsync(body, caller, cancellationToken) : Task.FromResult(response);
    }

    public Task<string> StartExecutionAsync(string stateMachineArn, string input, string? name, CancellationToken cancellationToken)
    {
        if (!StatesArn.TryReadAccount(stateMachineArn, out var account))
        {
            throw new AwsServiceException("InvalidArn", $"Invalid Arn: 'Resource type not valid in this context: {stateMachineArn}'");
        }

        var machine = FindMachine(stateMachineArn, account);
        return Task.FromResult(Start(machine, input, name).ExecutionArn);
    }

    /// <summary>Creates a state machine (also used by the CloudFormation provider).</summary>
    public StateMachineRecord CreateStateMachine(
        AccountContext account, string name, string definition, string roleArn, string type,
        JsonObject? loggingConfiguration = null, JsonObject? tracingConfiguration = null)
    {
        ValidateName(name);
        if (type is not ("STANDARD" or "EXPRESS"))
        {
            throw new AwsServiceException("ValidationException", $"1 validation error detected: Value '{type}' at 'type' failed to satisfy constraint: Member must satisfy enum value set: [STANDARD, EXPRESS]");
        }

        if (!roleArn.StartsWith("arn:", StringComparison.Ordinal))
        {
            throw new AwsServiceException("InvalidArn", $"Invalid Arn: 'Resource type not valid in this context: {roleArn}'");
        }

        var graph = Build(definition, type);
        var arn = StatesArn.StateMachine(account, name);
        var record = new StateMachineRecord(arn, name, account, type, definition, graph, roleArn, Clock.UtcNow)
        {
            LoggingConfiguration = loggingConfiguration,
            TracingConfiguration = tracingConfiguration,
        };
        var stored = _machines.GetOrAdd(arn, record);
        if (!ReferenceEquals(stored, record) && (stored.Definition != definition || stored.RoleArn != roleArn || stored.Type != type))
        {
            throw new AwsServiceException("StateMachineAlreadyExists", $"State Machine Already Exists: '{arn}'");
        }

        return stored;
    }

    /// <summary>
    /// AWS's verdict first (the one validator every operation shares), then the model; the parser refuses only what
    /// local-cloud cannot run yet (UNSUPPORTED_FEATURE).
    /// </summary>
    private static Asl.States.StateGraph Build(string definition, string type)
    {
        CheckDefinitionLength(definition);
        try
        {
            DefinitionValidator.EnsureValid(definition, type);
            // AWS accepts JSONata machines; local-cloud stores them with no runnable graph and fails their executions
            // at once (StateMachineRecord.NotRunnableCause) instead of refusing what AWS accepts.
            return DefinitionValidator.UsesJsonata(definition)
                ? new Asl.States.StateGraph(string.Empty, new Dictionary<string, Asl.States.AslState>())
                : DefinitionParser.Parse(definition);
        }
        catch (InvalidDefinitionException e)
        {
            throw new AwsServiceException("InvalidDefinition", e.Message);
        }
    }

    /// <summary>
    /// UpdateStateMachine: a new definition, role, logging or tracing; running executions keep the definition they
    /// started with, new ones take the update. Publishing versions is not supported.
    /// </summary>
    private JsonObject UpdateStateMachine(JsonObject body, AccountContext caller)
    {
        var machine = FindMachine(Required(body, "stateMachineArn"), caller);
        if (body["publish"] is JsonValue publish && publish.GetValueKind() == JsonValueKind.True)
        {
            throw new AwsServiceException("ValidationException", "Publishing state machine versions is not supported by local-cloud");
        }

        var definition = Optional(body, "definition");
        var roleArn = Optional(body, "roleArn");
        var logging = body["loggingConfiguration"]?.DeepClone() as JsonObject;
        var tracing = body["tracingConfiguration"]?.DeepClone() as JsonObject;
        if (definition is null && roleArn is null && logging is null && tracing is null)
        {
            throw new AwsServiceException("MissingRequiredParameter", "Either the definition, the role ARN, the LoggingConfiguration, or the TracingConfiguration must be specified");
        }

        if (roleArn is not null && !roleArn.StartsWith("arn:", StringComparison.Ordinal))
        {
            throw new AwsServiceException("InvalidArn", $"Invalid Arn: 'Resource type not valid in this context: {roleArn}'");
        }

        var updated = machine with
        {
            Definition = definition ?? machine.Definition,
            Graph = definition is null ? machine.Graph : Build(definition, machine.Type),
            RoleArn = roleArn ?? machine.RoleArn,
            LoggingConfiguration = logging ?? machine.LoggingConfiguration,
            TracingConfiguration = tracing ?? machine.TracingConfiguration,
        };
        _machines[machine.Arn] = updated;
        return new JsonObject { ["updateDate"] = Epoch(Clock.UtcNow) };
    }

    /// <summary>
    /// ValidateStateMachineDefinition: every diagnostic at or above the requested severity (ERROR by default), at most
    /// maxResults of them (100 by default); result is FAIL when any error is found, warnings alone give OK.
    /// </summary>
    private static JsonObject ValidateStateMachineDefinition(JsonObject body)
    {
        var definition = Required(body, "definition");
        var type = Optional(body, "type") ?? "STANDARD";
        if (type is not ("STANDARD" or "EXPRESS"))
        {
            throw new AwsServiceException("ValidationException", $"1 validation error detected: Value '{type}' at 'type' failed to satisfy constraint: Member must satisfy enum value set: [STANDARD, EXPRESS]");
        }

        var severity = Optional(body, "severity") ?? "ERROR";
        if (severity is not ("ERROR" or "WARNING"))
        {
            throw new AwsServiceException("ValidationException", $"1 validation error detected: Value '{severity}' at 'severity' failed to satisfy constraint: Member must satisfy enum value set: [ERROR, WARNING]");
        }

        var maxResults = 100;
        if (body["maxResults"] is JsonValue max)
        {
            if (!max.TryGetValue<int>(out maxResults) || maxResults is < 0 or > 100)
            {
                throw new AwsServiceException("ValidationException", $"1 validation error detected: Value '{max.ToJsonString()}' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 100");
            }

            maxResults = maxResults == 0 ? 100 : maxResults;
        }

        CheckDefinitionLength(definition);
        var all = DefinitionValidator.Validate(definition, type);
        var shown = all.Where(d => severity == "WARNING" || d.Severity == DiagnosticSeverity.Error).ToList();
        var diagnostics = new JsonArray();
        foreach (var diagnostic in shown.Take(maxResults))
        {
            var item = new JsonObject
            {
                ["severity"] = diagnostic.Severity == DiagnosticSeverity.Error ? "ERROR" : "WARNING",
                ["code"] = diagnostic.Code,
                ["message"] = diagnostic.Message,
            };
            if (diagnostic.Location is not null)
            {
                item["location"] = diagnostic.Location;
            }

            diagnostics.Add(item);
        }

        return new JsonObject
        {
            ["result"] = all.Any(d => d.Severity == DiagnosticSeverity.Error) ? "FAIL" : "OK",
            ["diagnostics"] = diagnostics,
            ["truncated"] = shown.Count > maxResults,
        };
    }

    private JsonObject CreateStateMachine(JsonObject body, AccountContext caller)
    {
        var record = CreateStateMachine(
            caller,
            Required(body, "name"),
            Required(body, "definition"),
            Required(body, "roleArn"),
            Optional(body, "type") ?? "STANDARD",
            body["loggingConfiguration"]?.DeepClone() as JsonObject,
            body["tracingConfiguration"]?.DeepClone() as JsonObject);
        return new JsonObject { ["stateMachineArn"] = record.Arn, ["creationDate"] = Epoch(record.CreationDate) };
    }

    private JsonObject DescribeStateMachine(JsonObject body, AccountContext caller)
    {
        var machine = FindMachine(Required(body, "stateMachineArn"), caller);
        return new JsonObject
        {
            ["stateMachineArn"] = machine.Arn,
            ["name"] = machine.Name,
            ["status"] = "ACTIVE",
            ["definition"] = machine.Definition,
            ["roleArn"] = machine.RoleArn,
            ["type"] = machine.Type,
            ["creationDate"] = Epoch(machine.CreationDate),
            ["loggingConfiguration"] = machine.LoggingConfiguration?.DeepClone() ?? new JsonObject { ["level"] = "OFF", ["includeExecutionData"] = false },
            ["tracingConfiguration"] = machine.TracingConfiguration?.DeepClone() ?? new JsonObject { ["enabled"] = false },
        };
    }

    private JsonObject ListStateMachines(JsonObject body, AccountContext caller)
    {
        var all = _machines.Values
            .Where(m => m.Account == caller)
            .OrderBy(m => m.CreationDate).ThenBy(m => m.Name, StringComparer.Ordinal)
            .ToList();
        var (page, next) = Page(all, body);
        var result = new JsonObject
        {
            ["stateMachines"] = new JsonArray(page.Select(m => (JsonNode?)new JsonObject
            {
                ["stateMachineArn"] = m.Arn,
                ["name"] = m.Name,
                ["type"] = m.Type,
                ["creationDate"] = Epoch(m.CreationDate),
            }).ToArray()),
        };
        if (next is not null)
        {
            result["nextToken"] = next;
        }

        return result;
    }

    private JsonObject DeleteStateMachine(JsonObject body, AccountContext caller)
    {
        var arn = Required(body, "stateMachineArn");
        CheckArn(arn, "stateMachine");
        if (_machines.TryGetValue(arn, out var machine) && machine.Account == caller)
        {
            _machines.TryRemove(arn, out _);
        }

        return new JsonObject();
    }

    private JsonObject StartExecution(JsonObject body, AccountContext caller)
    {
        var machine = FindMachine(Required(body, "stateMachineArn"), caller);
        var run = Start(machine, Optional(body, "input") ?? "{}", Optional(body, "name"));
        return new JsonObject { ["executionArn"] = run.ExecutionArn, ["startDate"] = Epoch(run.StartDate) };
    }

    private async Task<JsonNode> StartSyncExecutionAsync(JsonObject body, AccountContext caller, CancellationToken cancellationToken)
    {
        var machine = FindMachine(Required(body, "stateMachineArn"), caller);
        if (!machine.IsExpress)
        {
            throw new AwsServiceException("StateMachineTypeNotSupported", "This operation is not supported by this type of state machine");
        }

        var run = Start(machine, Optional(body, "input") ?? "{}", Optional(body, "name"));
        await run.Completion.WaitAsync(cancellationToken).ConfigureAwait(false);
        var result = DescribeRun(run);
        result["billingDetails"] = new JsonObject
        {
            ["billedMemoryUsedInMB"] = 64,
            ["billedDurationInMilliseconds"] = Math.Max(100, (long)((run.StopDate ?? run.StartDate) - run.StartDate).TotalMilliseconds),
        };
        return result;
    }

    private JsonObject DescribeExecution(JsonObject body, AccountContext caller)
    {
        var run = FindExecution(Required(body, "executionArn"), caller, allowExpress: false);
        return DescribeRun(run);
    }

    private JsonObject ListExecutions(JsonObject body, AccountContext caller)
    {
        var machineArn = Optional(body, "stateMachineArn");
        var mapRunArn = Optional(body, "mapRunArn");
        if ((machineArn is null) == (mapRunArn is null))
        {
            throw new AwsServiceException("ValidationException", "Must provide a StateMachine ARN or a MapRun ARN");
        }

        Func<ExecutionRun, bool> belongs;
        if (mapRunArn is not null)
        {
            var mapRun = FindMapRun(mapRunArn, caller);
            belongs = e => e.MapRunArn == mapRun.Arn;
        }
        else
        {
            var machine = FindMachine(machineArn!, caller);
            if (machine.IsExpress)
            {
                throw new AwsServiceException("StateMachineTypeNotSupported", "This operation is not supported by this type of state machine");
            }

            belongs = e => e.StateMachine.Arn == machine.Arn;
        }

        var filter = Optional(body, "statusFilter");
        var redriveFilter = Optional(body, "redriveFilter");
        if (redriveFilter is not null and not ("REDRIVEN" or "NOT_REDRIVEN"))
        {
            throw new AwsServiceException("ValidationException", $"1 validation error detected: Value '{redriveFilter}' at 'redriveFilter' failed to satisfy constraint: Member must satisfy enum value set: [REDRIVEN, NOT_REDRIVEN]");
        }

        var all = _executions.Values
            .Where(e => belongs(e) && (filter is null || e.Status.ToString() == filter)
                && (redriveFilter is null || (e.RedriveCount > 0) == (redriveFilter == "REDRIVEN")))
            .OrderByDescending(e => e.StartDate).ThenBy(e => e.Name, StringComparer.Ordinal)
            .ToList();
        var (page, next) = Page(all, body);
        var result = new JsonObject
        {
            ["executions"] = new JsonArray(page.Select(e =>
            {
                var item = new JsonObject
                {
                    ["executionArn"] = e.ExecutionArn,
                    ["stateMachineArn"] = e.StateMachine.Arn,
                    ["name"] = e.Name,
                    ["status"] = e.Status.ToString(),
                    ["startDate"] = Epoch(e.StartDate),
                };
                if (e.StopDate is { } stop)
                {
                    item["stopDate"] = Epoch(stop);
                }

                if (e.MapRunArn is not null)
                {
                    item["mapRunArn"] = e.MapRunArn;
                }

                if (e.RedriveDate is { } redriven)
                {
                    item["redriveCount"] = e.RedriveCount;
                    item["redriveDate"] = Epoch(redriven);
                }

                return (JsonNode?)item;
            }).ToArray()),
        };
        if (next is not null)
        {
            result["nextToken"] = next;
        }

        return result;
    }

    private JsonObject GetExecutionHistory(JsonObject body, AccountContext caller)
    {
        var run = FindExecution(Required(body, "executionArn"), caller, allowExpress: false);
        IEnumerable<HistoryEvent> events = run.History.Snapshot();
        if (body["reverseOrder"] is JsonValue reverse && reverse.GetValueKind() == JsonValueKind.True)
        {
            events = events.Reverse();
        }

        var includeData = !(body["includeExecutionData"] is JsonValue include && include.GetValueKind() == JsonValueKind.False);
        var (page, next) = Page(events.ToList(), body);
        var result = new JsonObject
        {
            ["events"] = new JsonArray(page.Select(e =>
            {
                var item = new JsonObject
                {
                    ["timestamp"] = Epoch(e.Timestamp),
                    ["type"] = e.Type,
                    ["id"] = e.Id,
                    ["previousEventId"] = e.PreviousEventId,
                };
                if (e.DetailsName is not null && e.Details is not null)
                {
                    var details = (JsonObject)e.Details.DeepClone();
                    if (!includeData)
                    {
                        details.Remove("input");
                        details.Remove("output");
                    }

                    item[e.DetailsName] = details;
                }

                return (JsonNode?)item;
            }).ToArray()),
        };
        if (next is not null)
        {
            result["nextToken"] = next;
        }

        return result;
    }

    private JsonObject StopExecution(JsonObject body, AccountContext caller)
    {
        var run = FindExecution(Required(body, "executionArn"), caller, allowExpress: true);
        run.Stop(Optional(body, "error"), Optional(body, "cause"));
        return new JsonObject { ["stopDate"] = Epoch(run.StopDate ?? Clock.UtcNow) };
    }

    private JsonObject SendTaskSuccess(JsonObject body, AccountContext caller)
    {
        var token = Required(body, "taskToken");
        var outputText = Required(body, "output");
        JsonNode? output;
        try
        {
            output = JsonText.Parse(outputText);
        }
        catch (JsonException)
        {
            throw new AwsServiceException("InvalidOutput", $"Invalid Output: '{outputText}'");
        }

        if (Encoding.UTF8.GetByteCount(outputText) > ExecutionRun.MaxPayloadBytes)
        {
            throw new AwsServiceException("ValidationException", "1 validation error detected: Value at 'output' failed to satisfy constraint: Member must have length less than or equal to 262144");
        }

        Tokens.Succeed(caller, token, output);
        return new JsonObject();
    }

    private JsonObject SendTaskFailure(JsonObject body, AccountContext caller)
    {
        Tokens.Fail(caller, Required(body, "taskToken"), Optional(body, "error"), Optional(body, "cause"));
        return new JsonObject();
    }

    private JsonObject SendTaskHeartbeat(JsonObject body, AccountContext caller)
    {
        Tokens.Heartbeat(caller, Required(body, "taskToken"));
        return new JsonObject();
    }

    private ExecutionRun Start(StateMachineRecord machine, string input, string? name)
    {
        name ??= Guid.NewGuid().ToString();
        ValidateName(name);
        try
        {
            JsonText.Parse(input);
        }
        catch (JsonException)
        {
            throw new AwsServiceException("InvalidExecutionInput", $"Invalid State Machine Execution Input: 'Unexpected input: {input}'");
        }

        if (Encoding.UTF8.GetByteCount(input) > ExecutionRun.MaxPayloadBytes)
        {
            throw new AwsServiceException("InvalidExecutionInput", "Invalid State Machine Execution Input: 'The input exceeds the maximum size of 262144 bytes'");
        }

        var arn = StatesArn.Execution(machine.Account, machine.Name, name, machine.IsExpress);
        var run = new ExecutionRun(machine, arn, name, input, _services);
        if (!_executions.TryAdd(arn, run))
        {
            var existing = _executions[arn];
            if (existing.Input == input && existing.Status == ExecutionStatus.RUNNING)
            {
                return existing;
            }

            throw new AwsServiceException("ExecutionAlreadyExists", $"Execution Already Exists: '{arn}'");
        }

        run.Start();
        return run;
    }

    private static JsonObject DescribeRun(ExecutionRun run)
    {
        var result = new JsonObject
        {
            ["executionArn"] = run.ExecutionArn,
            ["stateMachineArn"] = run.StateMachine.Arn,
            ["name"] = run.Name,
            ["status"] = run.Status.ToString(),
            ["startDate"] = Epoch(run.StartDate),
            ["input"] = run.Input,
            ["inputDetails"] = new JsonObject { ["included"] = true },
        };
        if (run.StopDate is { } stop)
        {
            result["stopDate"] = Epoch(stop);
        }

        if (run.Output is not null)
        {
            result["output"] = run.Output;
            result["outputDetails"] = new JsonObject { ["included"] = true };
        }

        if (run.Error is not null)
        {
            result["error"] = run.Error;
        }

        if (run.Cause is not null)
        {
            result["cause"] = run.Cause;
        }

        if (run.MapRunArn is not null)
        {
            result["mapRunArn"] = run.MapRunArn;
        }

        result["redriveCount"] = run.RedriveCount;
        if (run.RedriveDate is { } redriven)
        {
            result["redriveDate"] = Epoch(redriven);
        }

        if (!run.StateMachine.IsExpress)
        {
            var reason = run.WhyNotRedrivable();
            result["redriveStatus"] = reason is null ? "REDRIVABLE" : run.MapRunArn is not null && run.Status != ExecutionStatus.SUCCEEDED ? "REDRIVABLE_BY_MAP_RUN" : "NOT_REDRIVABLE";
            if (reason is not null)
            {
                result["redriveStatusReason"] = reason;
            }
        }

        return result;
    }

    private JsonObject RedriveExecution(JsonObject body, AccountContext caller)
    {
        var arn = Required(body, "executionArn");
        var run = FindExecution(arn, caller, allowExpress: true);
        if (!run.Redrive())
        {
            throw new AwsServiceException("ExecutionNotRedrivable", $"Execution '{arn}' cannot be redriven: {run.WhyNotRedrivable() ?? "it is already running"}");
        }

        return new JsonObject { ["redriveDate"] = Epoch(run.RedriveDate ?? Clock.UtcNow) };
    }

    private JsonObject ListMapRuns(JsonObject body, AccountContext caller)
    {
        var execution = FindExecution(Required(body, "executionArn"), caller, allowExpress: false);
        var (page, next) = Page(_services.MapRuns.Of(execution.ExecutionArn).ToList(), body);
        var result = new JsonObject
        {
            ["mapRuns"] = new JsonArray(page.Select(r =>
            {
                var item = new JsonObject
                {
                    ["executionArn"] = r.ExecutionArn,
                    ["mapRunArn"] = r.Arn,
                    ["stateMachineArn"] = r.ChildMachine.Arn,
                    ["startDate"] = Epoch(r.StartDate),
                };
                if (r.StopDate is { } stop)
                {
                    item["stopDate"] = Epoch(stop);
                }

                return (JsonNode?)item;
            }).ToArray()),
        };
        if (next is not null)
        {
            result["nextToken"] = next;
        }

        return result;
    }

    private JsonObject DescribeMapRun(JsonObject body, AccountContext caller)
    {
        var run = FindMapRun(Required(body, "mapRunArn"), caller);
        var (items, executions) = run.Count();
        var result = new JsonObject
        {
            ["mapRunArn"] = run.Arn,
            ["executionArn"] = run.ExecutionArn,
            ["status"] = run.Status.ToString(),
            ["startDate"] = Epoch(run.StartDate),
            ["maxConcurrency"] = run.MaxConcurrency,
            ["toleratedFailurePercentage"] = run.ToleratedFailurePercentage,
            ["toleratedFailureCount"] = run.ToleratedFailureCount,
            ["itemCounts"] = items.ToJson(),
            ["executionCounts"] = executions.ToJson(),
            ["redriveCount"] = run.RedriveCount,
        };
        if (run.StopDate is { } stop)
        {
            result["stopDate"] = Epoch(stop);
        }

        if (run.RedriveDate is { } redriven)
        {
            result["redriveDate"] = Epoch(redriven);
        }

        return result;
    }

    private JsonObject UpdateMapRun(JsonObject body, AccountContext caller)
    {
        var run = FindMapRun(Required(body, "mapRunArn"), caller);
        int? maxConcurrency = null;
        int? count = null;
        double? percentage = null;
        if (body["maxConcurrency"] is JsonValue mc)
        {
            maxConcurrency = mc.TryGetValue<int>(out var m) && m is >= 0 and <= Asl.Distributed.DistributedMapSettings.ConcurrencyLimit
                ? m
                : throw new AwsServiceException("ValidationException", $"1 validation error detected: Value '{mc.ToJsonString()}' at 'maxConcurrency' failed to satisfy constraint: Member must have value less than or equal to {Asl.Distributed.DistributedMapSettings.ConcurrencyLimit}");
        }

        if (body["toleratedFailureCount"] is JsonValue tc)
        {
            count = tc.TryGetValue<int>(out var c) && c >= 0
                ? c
                : throw new AwsServiceException("ValidationException", $"1 validation error detected: Value '{tc.ToJsonString()}' at 'toleratedFailureCount' failed to satisfy constraint: Member must have value greater than or equal to 0");
        }

        if (body["toleratedFailurePercentage"] is JsonValue tp)
        {
            percentage = JsonText.TryGetDouble(tp, out var p) && p is >= 0 and <= 100
                ? p
                : throw new AwsServiceException("ValidationException", $"1 validation error detected: Value '{tp.ToJsonString()}' at 'toleratedFailurePercentage' failed to satisfy constraint: Member must have value less than or equal to 100");
        }

        if (maxConcurrency is null && count is null && percentage is null)
        {
            throw new AwsServiceException("ValidationException", "At least one of maxConcurrency, toleratedFailureCount or toleratedFailurePercentage must be given");
        }

        run.Update(maxConcurrency, count, percentage);
        return new JsonObject();
    }

    private MapRun FindMapRun(string arn, AccountContext caller)
    {
        CheckArn(arn, "mapRun");
        if (_services.MapRuns.Find(arn) is { } run && run.Parent.Account == caller)
        {
            return run;
        }

        throw new AwsServiceException("ResourceNotFound", $"Resource not found: '{arn}'");
    }

    private StateMachineRecord FindMachine(string arn, AccountContext caller)
    {
        CheckArn(arn, "stateMachine");
        if (_machines.TryGetValue(arn, out var machine) && machine.Account == caller)
        {
            return machine;
        }

        throw new AwsServiceException("StateMachineDoesNotExist", $"State Machine Does Not Exist: '{arn}'");
    }

    private ExecutionRun FindExecution(string arn, AccountContext caller, bool allowExpress)
    {
        var parts = arn.Split(':');
        if (parts.Length < 8 || parts[0] != "arn" || parts[2] != "states" || parts[5] is not ("execution" or "express"))
        {
            throw new AwsServiceException("InvalidArn", $"Invalid Arn: 'Resource type not valid in this context: {(parts.Length > 5 ? parts[5] : arn)}'");
        }

        if (parts[5] == "express" && !allowExpress)
        {
            throw new AwsServiceException("InvalidArn", "Invalid Arn: 'Resource type not valid in this context: express'");
        }

        if (_executions.TryGetValue(arn, out var run) && run.Account == caller)
        {
            return run;
        }

        throw new AwsServiceException("ExecutionDoesNotExist", $"Execution Does Not Exist: '{arn}'");
    }

    private static void CheckArn(string arn, string resourceType)
    {
        var parts = arn.Split(':');
        if (parts.Length < 7 || parts[0] != "arn" || parts[2] != "states" || parts[5] != resourceType)
        {
            throw new AwsServiceException("InvalidArn", $"Invalid Arn: 'Resource type not valid in this context: {(parts.Length > 5 ? parts[5] : arn)}'");
        }
    }

    /// <summary>AWS's bounds on the definition parameter: 1 to 1,048,576 characters.</summary>
    private static void CheckDefinitionLength(string definition)
    {
        const int maxLength = 1048576;
        if (definition.Length == 0)
        {
            throw new AwsServiceException("ValidationException", "1 validation error detected: Value at 'definition' failed to satisfy constraint: Member must have length greater than or equal to 1");
        }

        if (definition.Length > maxLength)
        {
            throw new AwsServiceException("ValidationException", $"1 validation error detected: Value at 'definition' failed to satisfy constraint: Member must have length less than or equal to {maxLength}");
        }
    }

    private static void ValidateName(string name)
    {
        const string forbidden = " <>{}[]?*\"#%\\^|~`$&,;:/";
        if (name.Length is 0 or > 80 || name.Any(c => forbidden.Contains(c) || char.IsControl(c) || char.IsWhiteSpace(c)))
        {
            throw new AwsServiceException("InvalidName", $"Invalid Name: '{name}'");
        }
    }

    private static string Required(JsonObject body, string field) =>
        Optional(body, field) ?? throw new AwsServiceException(
            "ValidationException", $"1 validation error detected: Value null at '{field}' failed to satisfy constraint: Member must not be null");

    private static string? Optional(JsonObject body, string field) =>
        JsonText.TryGetString(body[field], out var value) ? value : null;

    private static (List<T> Page, string? Next) Page<T>(List<T> all, JsonObject body)
    {
        var size = body["maxResults"] is JsonValue max && max.TryGetValue<int>(out var m) && m > 0 ? Math.Min(m, MaxPageSize) : DefaultPageSize;
        var start = 0;
        if (Optional(body, "nextToken") is { } token)
        {
            try
            {
                start = int.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(token)), CultureInfo.InvariantCulture);
            }
            catch (FormatException)
            {
                throw new AwsServiceException("InvalidToken", $"Invalid Token: '{token}'");
            }
        }

        var page = all.Skip(start).Take(size).ToList();
        var next = start + size < all.Count
            ? Convert.ToBase64String(Encoding.UTF8.GetBytes((start + size).ToString(CultureInfo.InvariantCulture)))
            : null;
        return (page, next);
    }

    private static JsonNode Epoch(DateTimeOffset time) => JsonValue.Create(Math.Round(time.ToUnixTimeMilliseconds() / 1000.0, 3));
}
