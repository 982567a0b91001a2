using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Choreo.LocalCloud.StepFunctions.Asl.Distributed;
using Choreo.LocalCloud.StepFunctions.Asl.Intrinsics;
using Choreo.LocalCloud.StepFunctions.Asl.Json;
using Choreo.LocalCloud.StepFunctions.Asl.Paths;
using Choreo.LocalCloud.StepFunctions.Asl.States;
using Choreo.LocalCloud.StepFunctions.Asl.Validation;
using Choreo.LocalCloud.StepFunctions.Integrations;

namespace Choreo.LocalCloud.StepFunctions.Asl.Parsing;

/// <summary>
/// Reads and validates an Amazon States Language definition (JSONPath query language) into a
/// <see cref="StateGraph"/>. Problems are reported the way CreateStateMachine reports them, e.g.
/// <c>SCHEMA_VALIDATION_FAILED: … at /States/X/Next</c>; JSONata and variables are refused as not supported yet.
/// </summary>
public sealed partial class DefinitionParser
{
    private static readonly HashSet<string> CommonFields = ["Type", "Comment", "InputPath", "OutputPath", "Next", "End"];

    private static readonly Dictionary<string, HashSet<string>> AllowedFields = new()
    {
        ["Pass"] = ["Parameters", "Result", "ResultPath"],
        ["Task"] = ["Resource", "Parameters", "ResultSelector", "ResultPath", "Retry", "Catch", "TimeoutSeconds", "TimeoutSecondsPath", "HeartbeatSeconds", "HeartbeatSecondsPath", "Credentials"],
        ["Choice"] = ["Choices", "Default"],
        ["Wait"] = ["Seconds", "Timestamp", "SecondsPath", "TimestampPath"],
        ["Succeed"] = [],
        ["Fail"] = ["Error", "Cause", "ErrorPath", "CausePath"],
        ["Parallel"] = ["Branches", "Parameters", "ResultSelector", "ResultPath", "Retry", "Catch"],
        ["Map"] = ["Iterator", "ItemProcessor", "ItemsPath", "ItemSelector", "Parameters", "ItemReader", "ItemBatcher", "ResultWriter", "MaxConcurrency", "MaxConcurrencyPath", "ToleratedFailureCount", "ToleratedFailureCountPath", "ToleratedFailurePercentage", "ToleratedFailurePercentagePath", "Label", "ResultSelector", "ResultPath", "Retry", "Catch"],
    };

    private static readonly string[] ComparisonOperators =
    [
        "StringEquals", "StringLessThan", "StringGreaterThan", "StringLessThanEquals", "StringGreaterThanEquals", "StringMatches",
        "NumericEquals", "NumericLessThan", "NumericGreaterThan", "NumericLessThanEquals", "NumericGreaterThanEquals",
        "BooleanEquals",
        "TimestampEquals", "TimestampLessThan", "TimestampGreaterThan", "TimestampLessThanEquals", "TimestampGreaterThanEquals",
        "IsNull", "IsPresent", "IsNumeric", "IsString", "IsBoolean", "IsTimestamp",
    ];

    private readonly List<DefinitionDiagnostic> _problems = [];

    /// <summary>Parses a definition text; throws <see cref="InvalidDefinitionException"/> with every problem found.</summary>
    public static StateGraph Parse(string definition)
    {
        JsonNode? root;
        try
        {
            root = JsonText.Parse(definition);
        }
        catch (JsonException e)
        {
            throw new InvalidDefinitionException([DefinitionDiagnostic.Error("INVALID_JSON_DESCRIPTION", e.Message, null)]);
        }

        var parser = new DefinitionParser();
        if (root is not JsonObject obj)
        {
            throw new InvalidDefinitionException([DefinitionDiagnostic.Error("SCHEMA_VALIDATION_FAILED", "Definition must be a valid JSON object", null)]);
        }

        if (obj.TryGetPropertyValue("QueryLanguage", out var language) && JsonText.TryGetString(language, out var lang) && lang == "JSONata")
        {
            throw new InvalidDefinitionException([DefinitionDiagnostic.Error("UNSUPPORTED_FEATURE", "The JSONata query language is not supported yet by local-cloud", "/QueryLanguage")]);
        }

        parser.CheckQueryLanguage(obj, string.Empty);

        var graph = parser.ReadGraph(obj, string.Empty, topLevel: true);
        if (parser._problems.Count > 0 || graph is null)
        {
            throw new InvalidDefinitionException(parser._problems.Count > 0 ? parser._problems : [DefinitionDiagnostic.Error("SCHEMA_VALIDATION_FAILED", "invalid definition", "/")]);
        }

        return graph;
    }

    private void Problem(string code, string message, string at) => _problems.Add(DefinitionDiagnostic.Error(code, message, at.Length == 0 ? "/" : at));

    private StateGraph? ReadGraph(JsonObject obj, string at, bool topLevel)
    {
        foreach (var (key, _) in obj)
        {
            var allowed = topLevel
                ? key is "StartAt" or "States" or "Comment" or "Version" or "TimeoutSeconds" or "QueryLanguage"
                : key is "StartAt" or "States" or "Comment" or "ProcessorConfig";
            if (!allowed)
            {
                Problem("SCHEMA_VALIDATION_FAILED", $"Field '{key}' is not supported", at);
            }
        }

        var missing = new[] { "States", "StartAt" }.Where(field => !obj.ContainsKey(field)).ToArray();
        if (missing.Length > 0)
        {
            Problem("SCHEMA_VALIDATION_FAILED", $"These fields are required: [{string.Join(", ", missing)}]", at);
        }

        var startAt = obj.ContainsKey("StartAt") ? RequiredString(obj, "StartAt", at) : null;
        if (obj["States"] is not JsonObject statesObj)
        {
            if (obj.ContainsKey("States"))
            {
                Problem("SCHEMA_VALIDATION_FAILED", "The value for the field 'States' must be an OBJECT", $"{at}/States");
            }

            return null;
        }

        int? timeout = null;
        if (topLevel && obj.TryGetPropertyValue("TimeoutSeconds", out var t))
        {
            timeout = PositiveInt(t, $"{at}/TimeoutSeconds");
        }

        if (topLevel && obj.TryGetPropertyValue("Version", out var version) && (!JsonText.TryGetString(version, out var v) || v != "1.0"))
        {
            Problem("SCHEMA_VALIDATION_FAILED", "The value for the field 'Version' must be '1.0'", $"{at}/Version");
        }

        var states = new Dictionary<string, AslState>(StringComparer.Ordinal);
        foreach (var (name, stateNode) in statesObj)
        {
            var stateAt = $"{at}/States/{name}";
            if (name.Length > 80)
            {
                Problem("INVALID_STATE_NAME", "State names must be at most 80 characters", stateAt);
            }

            if (stateNode is not JsonObject stateObj)
            {
                Problem("SCHEMA_VALIDATION_FAILED", "A state must be an object", stateAt);
                continue;
            }

            var state = ReadState(name, stateObj, stateAt);
            if (state is not null)
            {
                states[name] = state;
            }
        }

        if (startAt is not null && !statesObj.ContainsKey(startAt))
        {
            Problem("MISSING_TRANSITION_TARGET", $"Missing 'Next' target: {startAt}", $"{at}/StartAt");
        }

        foreach (var state in states.Values)
        {
            CheckTransitions(state, statesObj, $"{at}/States/{state.Name}");
        }

        return startAt is null ? null : new StateGraph(startAt, states, timeout, obj["Comment"]?.GetValueKind() == JsonValueKind.String ? obj["Comment"]!.GetValue<string>() : null);
    }

    private void CheckTransitions(AslState state, JsonObject states, string at)
    {
        void Target(string? next, string field)
        {
            if (next is not null && !states.ContainsKey(next))
            {
                Problem("MISSING_TRANSITION_TARGET", $"Missing 'Next' target: {next}", $"{at}/{field}");
            }
        }

        Target(state.Next, "Next");
        switch (state)
        {
            case ChoiceState choice:
                for (var i = 0; i < choice.Choices.Count; i++)
                {
                    Target(choice.Choices[i].Next, $"Choices/{i}/Next");
                }

                Target(choice.Default, "Default");
                break;
            case RecoverableState recoverable:
                for (var i = 0; i < recoverable.Catch.Count; i++)
                {
                    Target(recoverable.Catch[i].Next, $"Catch/{i}/Next");
                }

                break;
        }
    }

    private AslState? ReadState(string name, JsonObject obj, string at)
    {
        var type = RequiredString(obj, "Type", at);
        if (type is null)
        {
            return null;
        }

        if (!AllowedFields.TryGetValue(type, out var allowed))
        {
            Problem("SCHEMA_VALIDATION_FAILED", "The field 'Type' should have one of these values: [Task, Wait, Pass, Succeed, Fail, Choice, Parallel, Map]", $"{at}/Type");
            return null;
        }

        foreach (var (key, _) in obj)
        {
            if (key == "QueryLanguage")
            {
                CheckQueryLanguage(obj, at);
            }
            else if (key is "Assign" or "Output" or "Arguments")
            {
                Problem("UNSUPPORTED_FEATURE", $"Field '{key}' (JSONata and variables) is not supported yet by local-cloud", $"{at}/{key}");
            }
            else if (!CommonFields.Contains(key) && !allowed.Contains(key))
            {
                Problem("SCHEMA_VALIDATION_FAILED", $"Field '{key}' is not supported", $"{at}/{key}");
            }
        }

        var next = OptionalString(obj, "Next", at);
        var end = obj.TryGetPropertyValue("End", out var e) && JsonText.Kind(e) == JsonValueKind.True;
        var terminal = type is "Succeed" or "Fail" or "Choice";
        if (!terminal)
        {
            if (next is null && !end)
            {
                Problem("SCHEMA_VALIDATION_FAILED", "The state must have either 'Next' or 'End': true", at);
            }
            else if (next is not null && end)
            {
                Problem("SCHEMA_VALIDATION_FAILED", "The state cannot have both 'Next' and 'End'", at);
            }
        }
        else if (next is not null || obj.ContainsKey("End"))
        {
            Problem("SCHEMA_VALIDATION_FAILED", $"A {type} state cannot have 'Next' or 'End'", at);
        }

        var inputPath = ReadDataPath(obj, "InputPath", at);
        var outputPath = ReadDataPath(obj, "OutputPath", at);

        try
        {
            return type switch
            {
                "Pass" => new PassState
                {
                    Name = name, Next = next, End = end, InputPath = inputPath, OutputPath = outputPath,
                    Parameters = Template(obj, "Parameters", at),
                    HasResult = obj.ContainsKey("Result"),
                    Result = obj["Result"]?.DeepClone(),
                    ResultPath = ReadDataPath(obj, "ResultPath", at),
                },
                "Succeed" => new SucceedState { Name = name, InputPath = inputPath, OutputPath = outputPath },
                "Fail" => new FailState
                {
                    Name = name,
                    Error = OptionalString(obj, "Error", at),
                    Cause = OptionalString(obj, "Cause", at),
                    ErrorPath = PathOrIntrinsic(obj, "ErrorPath", at),
                    CausePath = PathOrIntrinsic(obj, "CausePath", at),
                },
                "Wait" => ReadWait(name, obj, at, next, end, inputPath, outputPath),
                "Choice" => ReadChoice(name, obj, at, inputPath, outputPath),
                "Task" => ReadTask(name, obj, at, next, end, inputPath, outputPath),
                "Parallel" => ReadParallel(name, obj, at, next, end, inputPath, outputPath),
                "Map" => ReadMap(name, obj, at, next, end, inputPath, outputPath),
                _ => null,
            };
        }
        catch (JsonPathSyntaxException ex)
        {
            Problem("SCHEMA_VALIDATION_FAILED", ex.Message, at);
        }
        catch (IntrinsicSyntaxException ex)
        {
            Problem("SCHEMA_VALIDATION_FAILED", ex.Message, at);
        }

        return null;
    }

    private WaitState ReadWait(string name, JsonObject obj, string at, string? next, bool end, DataPath inputPath, DataPath outputPath)
    {
        var fields = new[] { "Seconds", "Timestamp", "SecondsPath", "TimestampPath" }.Where(obj.ContainsKey).ToArray();
        if (fields.Length != 1)
        {
            Problem("SCHEMA_VALIDATION_FAILED", "A Wait state must have exactly one of 'Seconds', 'Timestamp', 'SecondsPath', 'TimestampPath'", at);
        }

        DateTimeOffset? timestamp = null;
        if (obj.TryGetPropertyValue("Timestamp", out var ts))
        {
            if (JsonText.TryGetString(ts, out var text) && AslTimestamp.TryParse(text, out var parsed))
            {
                timestamp = parsed;
            }
            else
            {
                Problem("SCHEMA_VALIDATION_FAILED", "String does not match RFC3339 timestamp", $"{at}/Timestamp");
            }
        }

        long? seconds = null;
        if (obj.TryGetPropertyValue("Seconds", out var s))
        {
            seconds = JsonText.IsNumber(s) && long.TryParse(JsonText.NumberText(s!), NumberStyles.None, CultureInfo.InvariantCulture, out var sec)
                ? sec
                : InvalidLong("Seconds", at);
        }

        return new WaitState
        {
            Name = name, Next = next, End = end, InputPath = inputPath, OutputPath = outputPath,
            Seconds = seconds,
            Timestamp = timestamp,
            SecondsPath = ReferencePath(obj, "SecondsPath", at),
            TimestampPath = ReferencePath(obj, "TimestampPath", at),
        };
    }

    private long? InvalidLong(string field, string at)
    {
        Problem("SCHEMA_VALIDATION_FAILED", $"The value for the field '{field}' must be a non-negative integer", $"{at}/{field}");
        return null;
    }

    private ChoiceState ReadChoice(string name, JsonObject obj, string at, DataPath inputPath, DataPath outputPath)
    {
        var rules = new List<ChoiceRule>();
        if (obj["Choices"] is not JsonArray choices || choices.Count == 0)
        {
            Problem("SCHEMA_VALIDATION_FAILED", "The field 'Choices' is required and must be a non-empty array", at);
        }
        else
        {
            for (var i = 0; i < choices.Count; i++)
            {
                var ruleAt = $"{at}/Choices/{i}";
                if (choices[i] is not JsonObject ruleObj)
                {
                    Problem("SCHEMA_VALIDATION_FAILED", "A choice rule must be an object", ruleAt);
                    continue;
                }

                var ruleNext = RequiredString(ruleObj, "Next", ruleAt);
                var condition = ReadCondition(ruleObj, ruleAt, allowNext: true);
                if (ruleNext is not null && condition is not null)
                {
                    rules.Add(new ChoiceRule(condition, ruleNext));
                }
            }
        }

        return new ChoiceState
        {
            Name = name, InputPath = inputPath, OutputPath = outputPath,
            Choices = rules,
            Default = OptionalString(obj, "Default", at),
        };
    }

    private ChoiceCondition? ReadCondition(JsonObject obj, string at, bool allowNext)
    {
        foreach (var (key, _) in obj)
        {
            var known = key is "Variable" or "Not" or "And" or "Or" or "Comment" || (allowNext && key == "Next") ||
                        ComparisonOperators.Contains(key) ||
                        (key.EndsWith("Path", StringComparison.Ordinal) && ComparisonOperators.Contains(key[..^4]) && !key.StartsWith("Is", StringComparison.Ordinal));
            if (!known)
            {
                Problem("SCHEMA_VALIDATION_FAILED", $"Field '{key}' is not supported", $"{at}/{key}");
                return null;
            }
        }

        if (obj["Not"] is JsonObject not)
        {
            var inner = ReadCondition(not, $"{at}/Not", allowNext: false);
            return inner is null ? null : new ChoiceCondition.Not(inner);
        }

        foreach (var logical in new[] { "And", "Or" })
        {
            if (obj.ContainsKey(logical))
            {
                if (obj[logical] is not JsonArray list || list.Count == 0)
                {
                    Problem("SCHEMA_VALIDATION_FAILED", $"The field '{logical}' must be a non-empty array", $"{at}/{logical}");
                    return null;
                }

                var parts = new List<ChoiceCondition>();
                for (var i = 0; i < list.Count; i++)
                {
                    var part = list[i] is JsonObject partObj ? ReadCondition(partObj, $"{at}/{logical}/{i}", allowNext: false) : null;
                    if (part is null)
                    {
                        return null;
                    }

                    parts.Add(part);
                }

                return logical == "And" ? new ChoiceCondition.And(parts) : new ChoiceCondition.Or(parts);
            }
        }

        var variable = ReferencePath(obj, "Variable", at);
        if (variable is null)
        {
            Problem("SCHEMA_VALIDATION_FAILED", "The field 'Variable' is required", at);
            return null;
        }

        var operators = obj.Select(p => p.Key).Where(k => k is not "Variable" and not "Next" and not "Comment").ToArray();
        if (operators.Length != 1)
        {
            Problem("SCHEMA_VALIDATION_FAILED", "A choice rule must have exactly one comparison operator", at);
            return null;
        }

        var op = operators[0];
        var value = obj[op];
        if (op.EndsWith("Path", StringComparison.Ordinal) && !op.StartsWith("Is", StringComparison.Ordinal))
        {
            var valuePath = ReferencePath(obj, op, at);
            return valuePath is null ? null : new ChoiceCondition.Comparison(variable, op[..^4], null, valuePath);
        }

        var valid = op switch
        {
            _ when op.StartsWith("String", StringComparison.Ordinal) => JsonText.IsString(value),
            _ when op.StartsWith("Numeric", StringComparison.Ordinal) => JsonText.IsNumber(value),
            _ when op.StartsWith("Timestamp", StringComparison.Ordinal) => JsonText.TryGetString(value, out var ts) && AslTimestamp.TryParse(ts, out _),
            _ => JsonText.IsBoolean(value),
        };
        if (!valid)
        {
            Problem("SCHEMA_VALIDATION_FAILED", $"The value for the field '{op}' has the wrong type", $"{at}/{op}");
            return null;
        }

        return new ChoiceCondition.Comparison(variable, op, value?.DeepClone(), null);
    }

    private TaskState ReadTask(string name, JsonObject obj, string at, string? next, bool end, DataPath inputPath, DataPath outputPath)
    {
        var resource = RequiredString(obj, "Resource", at) ?? string.Empty;
        if (resource.Length > 0 && !resource.StartsWith("arn:", StringComparison.Ordinal))
        {
            Problem("SCHEMA_VALIDATION_FAILED", $"Value is not a valid resource ARN", $"{at}/Resource");
        }

        var timeout = obj.TryGetPropertyValue("TimeoutSeconds", out var t) ? PositiveInt(t, $"{at}/TimeoutSeconds") : null;
        var heartbeat = obj.TryGetPropertyValue("HeartbeatSeconds", out var h) ? PositiveInt(h, $"{at}/HeartbeatSeconds") : null;
        if (heartbeat is int hb && hb >= (timeout ?? TaskState.DefaultTimeoutSeconds))
        {
            Problem("SCHEMA_VALIDATION_FAILED", "HeartbeatSeconds must be smaller than TimeoutSeconds", $"{at}/HeartbeatSeconds");
        }

        return new TaskState
        {
            Name = name, Next = next, End = end, InputPath = inputPath, OutputPath = outputPath,
            Resource = TaskResource.Parse(resource),
            Parameters = Template(obj, "Parameters", at),
            ResultSelector = Template(obj, "ResultSelector", at),
            ResultPath = ReadDataPath(obj, "ResultPath", at),
            Retry = ReadRetry(obj, at),
            Catch = ReadCatch(obj, at),
            TimeoutSeconds = timeout,
            HeartbeatSeconds = heartbeat,
            TimeoutSecondsPath = ReferencePath(obj, "TimeoutSecondsPath", at),
            HeartbeatSecondsPath = ReferencePath(obj, "HeartbeatSecondsPath", at),
        };
    }

    private ParallelState ReadParallel(string name, JsonObject obj, string at, string? next, bool end, DataPath inputPath, DataPath outputPath)
    {
        var branches = new List<StateGraph>();
        if (obj["Branches"] is not JsonArray list || list.Count == 0)
        {
            Problem("SCHEMA_VALIDATION_FAILED", obj["Branches"] is JsonArray ? "Value cannot be empty" : "These fields are required: [Branches]", obj["Branches"] is JsonArray ? $"{at}/Branches" : at);
        }
        else
        {
            for (var i = 0; i < list.Count; i++)
            {
                if (list[i] is not JsonObject branch)
                {
                    Problem("SCHEMA_VALIDATION_FAILED", "The value for the field 'Branches' must be an array of state machines (objects with StartAt and States)", $"{at}/Branches/{i}");
                }
                else if (ReadGraph(branch, $"{at}/Branches/{i}", topLevel: false) is { } graph)
                {
                    branches.Add(graph);
                }
            }
        }

        return new ParallelState
        {
            Name = name, Next = next, End = end, InputPath = inputPath, OutputPath = outputPath,
            Branches = branches,
            Parameters = Template(obj, "Parameters", at),
            ResultSelector = Template(obj, "ResultSelector", at),
            ResultPath = ReadDataPath(obj, "ResultPath", at),
            Retry = ReadRetry(obj, at),
            Catch = ReadCatch(obj, at),
        };
    }

    private MapState ReadMap(string name, JsonObject obj, string at, string? next, bool end, DataPath inputPath, DataPath outputPath)
    {
        var processorField = obj.ContainsKey("ItemProcessor") ? "ItemProcessor" : "Iterator";
        StateGraph? processor = null;
        DistributedMapSettings? distributed = null;
        if (obj[processorField] is JsonObject processorObj)
        {
            distributed = ReadDistributed(obj, processorObj, processorField, at);
            processor = ReadGraph(processorObj, $"{at}/{processorField}", topLevel: false);
        }
        else
        {
            Problem("SCHEMA_VALIDATION_FAILED", "The field 'ItemProcessor' is required", at);
        }

        if (obj.ContainsKey("ItemSelector") && obj.ContainsKey("Parameters"))
        {
            Problem("SCHEMA_VALIDATION_FAILED", "A Map state cannot have both 'ItemSelector' and 'Parameters'", at);
        }

        var maxConcurrency = obj.TryGetPropertyValue("MaxConcurrency", out var mc) ? NonNegativeInt(mc, $"{at}/MaxConcurrency") ?? 0 : 0;
        if (distributed is not null && maxConcurrency > DistributedMapSettings.ConcurrencyLimit)
        {
            Problem("SCHEMA_VALIDATION_FAILED", $"MaxConcurrency must be at most {DistributedMapSettings.ConcurrencyLimit} for a Distributed Map", $"{at}/MaxConcurrency");
        }

        double? percentage = null;
        if (obj.TryGetPropertyValue("ToleratedFailurePercentage", out var tp))
        {
            if (JsonText.TryGetDouble(tp, out var p) && p is >= 0 and <= 100)
            {
                percentage = p;
            }
            else
            {
                Problem("SCHEMA_VALIDATION_FAILED", "ToleratedFailurePercentage must be a number between 0 and 100", $"{at}/ToleratedFailurePercentage");
            }
        }

        return new MapState
        {
            Name = name, Next = next, End = end, InputPath = inputPath, OutputPath = outputPath,
            ItemProcessor = processor ?? new StateGraph(string.Empty, new Dictionary<string, AslState>()),
            ItemsPath = ReadDataPath(obj, "ItemsPath", at),
            ItemSelector = Template(obj, "ItemSelector", at) ?? Template(obj, "Parameters", at),
            MaxConcurrency = maxConcurrency,
            MaxConcurrencyPath = ReferencePath(obj, "MaxConcurrencyPath", at),
            ToleratedFailureCount = obj.TryGetPropertyValue("ToleratedFailureCount", out var tc) ? NonNegativeInt(tc, $"{at}/ToleratedFailureCount") : null,
            ToleratedFailureCountPath = ReferencePath(obj, "ToleratedFailureCountPath", at),
            ToleratedFailurePercentage = percentage,
            ToleratedFailurePercentagePath = ReferencePath(obj, "ToleratedFailurePercentagePath", at),
            Distributed = distributed,
            ResultSelector = Template(obj, "ResultSelector", at),
            ResultPath = ReadDataPath(obj, "ResultPath", at),
            Retry = ReadRetry(obj, at),
            Catch = ReadCatch(obj, at),
        };
    }

    private List<Retrier> ReadRetry(JsonObject obj, string at)
    {
        var result = new List<Retrier>();
        if (!obj.TryGetPropertyValue("Retry", out var node))
        {
            return result;
        }

        if (node is not JsonArray list)
        {
            Problem("SCHEMA_VALIDATION_FAILED", "The field 'Retry' must be an array", $"{at}/Retry");
            return result;
        }

        for (var i = 0; i < list.Count; i++)
        {
            var rAt = $"{at}/Retry/{i}";
            if (list[i] is not JsonObject r)
            {
                Problem("SCHEMA_VALIDATION_FAILED", "A retrier must be an object", rAt);
                continue;
            }

            var errors = ErrorEquals(r, rAt);
            var retrier = new Retrier(errors);
            if (r.TryGetPropertyValue("IntervalSeconds", out var interval))
            {
                retrier = retrier with { IntervalSeconds = PositiveInt(interval, $"{rAt}/IntervalSeconds") ?? 1 };
            }

            if (r.TryGetPropertyValue("MaxAttempts", out var attempts))
            {
                retrier = retrier with { MaxAttempts = NonNegativeInt(attempts, $"{rAt}/MaxAttempts") ?? 3 };
            }

            if (r.TryGetPropertyValue("BackoffRate", out var backoff))
            {
                if (JsonText.TryGetDouble(backoff, out var rate) && rate >= 1.0)
                {
                    retrier = retrier with { BackoffRate = rate };
                }
                else
                {
                    Problem("SCHEMA_VALIDATION_FAILED", "BackoffRate must be a number greater than or equal to 1.0", $"{rAt}/BackoffRate");
                }
            }

            if (r.TryGetPropertyValue("MaxDelaySeconds", out var maxDelay))
            {
                retrier = retrier with { MaxDelaySeconds = PositiveInt(maxDelay, $"{rAt}/MaxDelaySeconds") };
            }

            if (r.TryGetPropertyValue("JitterStrategy", out var jitter))
            {
                var strategy = JsonText.TryGetString(jitter, out var js) ? js : string.Empty;
                if (strategy is not ("FULL" or "NONE"))
                {
                    Problem("SCHEMA_VALIDATION_FAILED", "JitterStrategy must be FULL or NONE", $"{rAt}/JitterStrategy");
                }

                retrier = retrier with { FullJitter = strategy == "FULL" };
            }

            result.Add(retrier);
        }

        return result;
    }

    private List<Catcher> ReadCatch(JsonObject obj, string at)
    {
        var result = new List<Catcher>();
        if (!obj.TryGetPropertyValue("Catch", out var node))
        {
            return result;
        }

        if (node is not JsonArray list)
        {
            Problem("SCHEMA_VALIDATION_FAILED", "The field 'Catch' must be an array", $"{at}/Catch");
            return result;
        }

        for (var i = 0; i < list.Count; i++)
        {
            var cAt = $"{at}/Catch/{i}";
            if (list[i] is not JsonObject c)
            {
                Problem("SCHEMA_VALIDATION_FAILED", "A catcher must be an object", cAt);
                continue;
            }

            var next = RequiredString(c, "Next", cAt);
            var errors = ErrorEquals(c, cAt);
            if (next is not null)
            {
                result.Add(new Catcher(errors, next, ReadDataPath(c, "ResultPath", cAt)));
            }
        }

        return result;
    }

    private List<string> ErrorEquals(JsonObject obj, string at)
    {
        var errors = new List<string>();
        if (obj["ErrorEquals"] is not JsonArray list || list.Count == 0)
        {
            Problem("SCHEMA_VALIDATION_FAILED", "The field 'ErrorEquals' is required and must be a non-empty array", at);
            return errors;
        }

        foreach (var item in list)
        {
            if (JsonText.TryGetString(item, out var name))
            {
                errors.Add(name);
            }
        }

        if (errors.Contains("States.ALL") && errors.Count > 1)
        {
            Problem("SCHEMA_VALIDATION_FAILED", "States.ALL must appear alone in ErrorEquals", $"{at}/ErrorEquals");
        }

        return errors;
    }

    private PayloadTemplate? Template(JsonObject obj, string field, string at)
    {
        if (!obj.TryGetPropertyValue(field, out var node))
        {
            return null;
        }

        try
        {
            return PayloadTemplate.Compile(node);
        }
        catch (JsonPathSyntaxException e)
        {
            Problem("SCHEMA_VALIDATION_FAILED", e.Message, $"{at}/{field}");
        }
        catch (IntrinsicSyntaxException e)
        {
            Problem("SCHEMA_VALIDATION_FAILED", e.Message, $"{at}/{field}");
        }

        return null;
    }

    private DataPath ReadDataPath(JsonObject obj, string field, string at)
    {
        if (!obj.TryGetPropertyValue(field, out var node))
        {
            return DataPath.Root;
        }

        if (node is null)
        {
            return DataPath.Discard;
        }

        if (!JsonText.TryGetString(node, out var text))
        {
            Problem("SCHEMA_VALIDATION_FAILED", $"The value for the field '{field}' must be a STRING_JSONPATH", $"{at}/{field}");
            return DataPath.Root;
        }

        try
        {
            var path = JsonPath.Parse(text);
            if (field == "ResultPath" && (path.IsContext || !path.IsReferencePath))
            {
                Problem("SCHEMA_VALIDATION_FAILED", $"The value for the field '{field}' must be a valid reference path", $"{at}/{field}");
            }

            return new DataPath(path);
        }
        catch (JsonPathSyntaxException)
        {
            Problem("SCHEMA_VALIDATION_FAILED", $"The value for the field '{field}' must be a valid JSONPath", $"{at}/{field}");
            return DataPath.Root;
        }
    }

    private JsonPath? ReferencePath(JsonObject obj, string field, string at)
    {
        if (!obj.TryGetPropertyValue(field, out var node))
        {
            return null;
        }

        if (!JsonText.TryGetString(node, out var text))
        {
            Problem("SCHEMA_VALIDATION_FAILED", $"The value for the field '{field}' must be a STRING_JSONPATH", $"{at}/{field}");
            return null;
        }

        try
        {
            var path = JsonPath.Parse(text);
            if (!path.IsReferencePath)
            {
                Problem("SCHEMA_VALIDATION_FAILED", $"The value for the field '{field}' must be a valid reference path", $"{at}/{field}");
            }

            return path;
        }
        catch (JsonPathSyntaxException)
        {
            Problem("SCHEMA_VALIDATION_FAILED", $"The value for the field '{field}' must be a valid JSONPath", $"{at}/{field}");
            return null;
        }
    }

    private string? PathOrIntrinsic(JsonObject obj, string field, string at)
    {
        var text = OptionalString(obj, field, at);
        if (text is null)
        {
            return null;
        }

        try
        {
            if (IntrinsicCall.LooksLikeCall(text))
            {
                IntrinsicCall.Parse(text);
            }
            else
            {
                JsonPath.Parse(text);
            }
        }
        catch (Exception e) when (e is JsonPathSyntaxException or IntrinsicSyntaxException)
        {
            Problem("SCHEMA_VALIDATION_FAILED", $"The value for the field '{field}' must be a valid JSONPath or intrinsic function", $"{at}/{field}");
        }

        return text;
    }

    private string? RequiredString(JsonObject obj, string field, string at)
    {
        if (!obj.TryGetPropertyValue(field, out var node))
        {
            Problem("SCHEMA_VALIDATION_FAILED", $"These fields are required: [{field}]", at);
            return null;
        }

        if (!JsonText.TryGetString(node, out var text))
        {
            Problem("SCHEMA_VALIDATION_FAILED", $"The value for the field '{field}' must be a STRING", $"{at}/{field}");
            return null;
        }

        return text;
    }

    private string? OptionalString(JsonObject obj, string field, string at) =>
        obj.ContainsKey(field) ? RequiredString(obj, field, at) : null;

    private int? PositiveInt(JsonNode? node, string at)
    {
        if (JsonText.IsNumber(node) && int.TryParse(JsonText.NumberText(node!), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0)
        {
            return value;
        }

        Problem("SCHEMA_VALIDATION_FAILED", "The value must be a positive integer", at);
        return null;
    }

    private int? NonNegativeInt(JsonNode? node, string at)
    {
        if (JsonText.IsNumber(node) && int.TryParse(JsonText.NumberText(node!), NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        Problem("SCHEMA_VALIDATION_FAILED", "The value must be a non-negative integer", at);
        return null;
    }
}
