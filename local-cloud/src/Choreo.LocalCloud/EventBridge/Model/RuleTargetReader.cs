using System.Globalization;
using System.Text.Json.Nodes;
using Choreo.LocalCloud.Hosting;

namespace Choreo.LocalCloud.EventBridge.Model;

/// <summary>
/// Reads a target from its JSON shape, shared by the PutTargets API and <c>AWS::Events::Rule</c> (same field names),
/// validating it as AWS does. Numbers may arrive as strings from CloudFormation.
/// </summary>
public static class RuleTargetReader
{
    private static readonly string[] SupportedServices = ["lambda", "states", "events", "sqs"];

    public static RuleTarget Read(JsonObject target)
    {
        var id = Text(target, "Id") ?? throw Invalid("Parameter Id is not valid. Reason: Id is a required argument.");
        var arn = Text(target, "Arn") ?? throw Invalid($"Parameter Arn is not valid for target {id}. Reason: Arn is a required argument.");
        var service = EventBridgeArn.ServiceOf(arn);
        if (service is null || !SupportedServices.Contains(service))
        {
            throw Invalid($"Parameter(s) Arn is not valid for target {id}: local-cloud delivers to Lambda functions, Step Functions state machines, event buses and SQS queues, not '{arn}'.");
        }
        var input = target["Input"] is { } inputNode ? AsJsonText(inputNode) : null;
        var inputPath = Text(target, "InputPath");
        var transformer = ReadTransformer(id, target["InputTransformer"] as JsonObject);
        if (new object?[] { input, inputPath, transformer }.Count(setting => setting is not null) > 1)
        {
            throw Invalid($"Target {id}: only one of Input, InputPath and InputTransformer may be set.");
        }
        if (service == "events" && (input ?? inputPath ?? (object?)transformer) is not null)
        {
            throw Invalid($"Target {id}: an event bus target forwards the event itself; Input, InputPath and InputTransformer are not supported on it.");
        }
        if (input is not null && !IsJson(input))
        {
            throw Invalid($"Parameter Input is not valid for target {id}. Reason: Input must be valid JSON.");
        }
        var retry = ReadRetryPolicy(id, target["RetryPolicy"] as JsonObject);
        var deadLetterArn = target["DeadLetterConfig"] is JsonObject deadLetter ? Text(deadLetter, "Arn") : null;
        if (deadLetterArn is not null && EventBridgeArn.ServiceOf(deadLetterArn) != "sqs")
        {
            throw Invalid($"Parameter DeadLetterConfig.Arn is not valid for target {id}. Reason: it must be an SQS queue ARN, not '{deadLetterArn}'.");
        }
        return new RuleTarget(id, arn, Text(target, "RoleArn"), input, inputPath, transformer, retry, deadLetterArn);
    }

    /// <summary>The target in PutTargets/ListTargetsByRule shape.</summary>
    public static JsonObject Write(RuleTarget target)
    {
        var json = new JsonObject { ["Id"] = target.Id, ["Arn"] = target.Arn };
        if (target.RoleArn is not null) json["RoleArn"] = target.RoleArn;
        if (target.Input is not null) json["Input"] = target.Input;
        if (target.InputPath is not null) json["InputPath"] = target.InputPath;
        if (target.InputTransformer is { } transformer)
        {
            var paths = new JsonObject();
            foreach (var (name, path) in transformer.InputPathsMap)
            {
                paths[name] = path;
            }
            json["InputTransformer"] = new JsonObject { ["InputPathsMap"] = paths, ["InputTemplate"] = transformer.InputTemplate };
        }
        json["RetryPolicy"] = new JsonObject
        {
            ["MaximumRetryAttempts"] = target.RetryPolicy.MaximumRetryAttempts,
            ["MaximumEventAgeInSeconds"] = target.RetryPolicy.MaximumEventAgeInSeconds,
        };
        if (target.DeadLetterArn is not null) json["DeadLetterConfig"] = new JsonObject { ["Arn"] = target.DeadLetterArn };
        return json;
    }

    private static TargetInputTransformer? ReadTransformer(string id, JsonObject? transformer)
    {
        if (transformer is null)
        {
            return null;
        }
        var template = transformer["InputTemplate"] is { } templateNode ? AsJsonText(templateNode)
            : throw Invalid($"Parameter InputTransformer.InputTemplate is not valid for target {id}. Reason: InputTemplate is a required argument.");
        var paths = new Dictionary<string, string>();
        var map = transformer["InputPathsMap"] switch
        {
            JsonObject obj => obj,
            JsonValue text when text.TryGetValue<string>(out var raw) => JsonNode.Parse(raw) as JsonObject,
            _ => null,
        };
        foreach (var (name, path) in map ?? [])
        {
            if (name.StartsWith("aws.", StringComparison.Ordinal))
            {
                throw Invalid($"Target {id}: InputTransformer variable '{name}' uses the reserved prefix 'aws.'.");
            }
            var pathText = path?.GetValue<string>() ?? "";
            if (!pathText.StartsWith('$'))
            {
                throw Invalid($"Target {id}: InputTransformer path '{pathText}' for '{name}' is not a JSONPath starting with '$'.");
            }
            paths[name] = pathText;
        }
        if (paths.Count > 100)
        {
            throw Invalid($"Target {id}: InputPathsMap has {paths.Count} entries; at most 100 are allowed.");
        }
        return new TargetInputTransformer(paths, template);
    }

    private static TargetRetryPolicy ReadRetryPolicy(string id, JsonObject? policy)
    {
        if (policy is null)
        {
            return TargetRetryPolicy.Default;
        }
        var attempts = Number(policy, "MaximumRetryAttempts") ?? TargetRetryPolicy.MaxAttempts;
        var age = Number(policy, "MaximumEventAgeInSeconds") ?? TargetRetryPolicy.MaxEventAgeSeconds;
        if (attempts is < 0 or > TargetRetryPolicy.MaxAttempts)
        {
            throw Invalid($"Target {id}: RetryPolicy.MaximumRetryAttempts {attempts} is out of range 0..{TargetRetryPolicy.MaxAttempts}.");
        }
        if (age is < TargetRetryPolicy.MinEventAgeSeconds or > TargetRetryPolicy.MaxEventAgeSeconds)
        {
            throw Invalid($"Target {id}: RetryPolicy.MaximumEventAgeInSeconds {age} is out of range {TargetRetryPolicy.MinEventAgeSeconds}..{TargetRetryPolicy.MaxEventAgeSeconds}.");
        }
        return new TargetRetryPolicy(attempts, age);
    }

    private static int? Number(JsonObject json, string name) => json[name] switch
    {
        JsonValue value when value.TryGetValue<int>(out var number) => number,
        JsonValue value when value.TryGetValue<long>(out var big) => (int)Math.Clamp(big, int.MinValue, int.MaxValue),
        JsonValue value when value.TryGetValue<double>(out var real) => (int)real,
        JsonValue value when value.TryGetValue<string>(out var text) && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) => parsed,
        null => null,
        _ => throw Invalid($"Parameter {name} is not valid. Reason: {name} must be an integer."),
    };

    private static string? Text(JsonObject json, string name) =>
        json[name] is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0 ? text : null;

    // CloudFormation may hand an Input or template over as a JSON object rather than its text.
    private static string AsJsonText(JsonNode node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : node.ToJsonString();

    private static bool IsJson(string text)
    {
        try
        {
            using var _ = System.Text.Json.JsonDocument.Parse(text);
            return true;
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }

    private static AwsServiceException Invalid(string message) => new("ValidationException", message);
}
