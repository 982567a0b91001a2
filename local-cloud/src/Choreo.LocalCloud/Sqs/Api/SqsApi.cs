using System.Globalization;
using System.Text.Json.Nodes;
using Choreo.LocalCloud.Accounts;
using Choreo.LocalCloud.Hosting;
using Choreo.LocalCloud.Sqs.Model;

namespace Choreo.LocalCloud.Sqs.Api;

/// <summary>
/// SQS in the JSON protocol (<c>X-Amz-Target: AmazonSQS.*</c>, as AWSSDK.SQS 4.x speaks it): CreateQueue, GetQueueUrl,
/// ListQueues, SendMessage, ReceiveMessage, DeleteMessage, GetQueueAttributes, SetQueueAttributes (Policy). Every
/// operation on a queue checks the caller against the queue's owner and policy, as SQS does. Long polling is not
/// simulated: ReceiveMessage answers at once.
/// </summary>
public sealed class SqsApi(SqsQueues queues) : IAwsJsonService
{
    public string TargetPrefix => "AmazonSQS";
    public string SigningName => "sqs";

    public Task<JsonNode> HandleAsync(string operation, JsonNode request, AccountContext caller, CancellationToken cancellationToken)
    {
        var body = request as JsonObject ?? [];
        JsonNode response = operation switch
        {
            "CreateQueue" => CreateQueue(body, caller),
            "GetQueueUrl" => GetQueueUrl(body, caller),
            "ListQueues" => ListQueues(body, caller),
            "SendMessage" => SendMessage(body, caller),
            "ReceiveMessage" => ReceiveMessage(body, caller),
            "DeleteMessage" => DeleteMessage(body, caller),
            "GetQueueAttributes" => GetQueueAttributes(body, caller),
            "SetQueueAttributes" => SetQueueAttributes(body, caller),
            _ => throw new AwsServiceException("InvalidAction", $"The action {operation} is not valid for this endpoint (local-cloud's SQS)."),
        };
        return Task.FromResult(response);
    }

    private JsonObject CreateQueue(JsonObject body, AccountContext caller)
    {
        var attributes = new Dictionary<string, string>();
        if (body["Attributes"] is JsonObject given)
        {
            foreach (var (key, value) in given)
            {
                attributes[key] = value?.ToString() ?? "";
            }
        }
        var queue = queues.CreateQueue(caller, Required(body, "QueueName"), attributes);
        return new JsonObject { ["QueueUrl"] = queue.Url };
    }

    private JsonObject GetQueueUrl(JsonObject body, AccountContext caller)
    {
        var owner = Optional(body, "QueueOwnerAWSAccountId") is { } account ? caller with { AccountId = account } : caller;
        var queue = queues.GetByName(owner, Required(body, "QueueName"));
        queues.Authorize(queue, caller, "sqs:GetQueueUrl");
        return new JsonObject { ["QueueUrl"] = queue.Url };
    }

    private JsonObject ListQueues(JsonObject body, AccountContext caller)
    {
        var prefix = Optional(body, "QueueNamePrefix") ?? "";
        var max = body["MaxResults"]?.GetValue<int>() ?? 1000;
        var urls = new JsonArray();
        foreach (var queue in queues.ListQueues(caller).Where(queue => queue.Name.StartsWith(prefix, StringComparison.Ordinal)).Take(max))
        {
            urls.Add(queue.Url);
        }
        return new JsonObject { ["QueueUrls"] = urls };
    }

    private JsonObject SendMessage(JsonObject body, AccountContext caller)
    {
        var queue = QueueFor(body, caller, "sqs:SendMessage");
        var attributes = ReadAttributes(body["MessageAttributes"] as JsonObject);
        var delay = TimeSpan.FromSeconds(body["DelaySeconds"]?.GetValue<int>() ?? 0);
        var message = queues.SendMessage(queue, Required(body, "MessageBody"), attributes, delay);
        var response = new JsonObject
        {
            ["MessageId"] = message.MessageId,
            ["MD5OfMessageBody"] = MessageMd5.OfBody(message.Body),
        };
        if (MessageMd5.OfAttributes(attributes) is { } attributesMd5)
        {
            response["MD5OfMessageAttributes"] = attributesMd5;
        }
        return response;
    }

    private JsonObject ReceiveMessage(JsonObject body, AccountContext caller)
    {
        var queue = QueueFor(body, caller, "sqs:ReceiveMessage");
        var max = body["MaxNumberOfMessages"]?.GetValue<int>() ?? 1;
        if (max is < 1 or > 10)
        {
            throw new AwsServiceException("InvalidParameterValue",
                $"Value {max} for parameter MaxNumberOfMessages is invalid. Reason: Must be between 1 and 10, if provided.");
        }
        TimeSpan? visibility = body["VisibilityTimeout"] is { } timeout ? TimeSpan.FromSeconds(timeout.GetValue<int>()) : null;
        var wanted = Names(body["MessageAttributeNames"]);
        var systemWanted = Names(body["MessageSystemAttributeNames"]).Concat(Names(body["AttributeNames"])).ToList();

        var messages = new JsonArray();
        foreach (var message in queues.ReceiveMessages(queue, max, visibility))
        {
            var item = new JsonObject
            {
                ["MessageId"] = message.MessageId,
                ["ReceiptHandle"] = message.ReceiptHandle,
                ["MD5OfBody"] = MessageMd5.OfBody(message.Body),
                ["Body"] = message.Body,
            };
            var system = SystemAttributes(message, systemWanted);
            if (system.Count > 0)
            {
                item["Attributes"] = system;
            }
            var selected = message.Attributes
                .Where(pair => wanted.Any(name => name is "All" or ".*" || name == pair.Key
                    || (name.EndsWith(".*", StringComparison.Ordinal) && pair.Key.StartsWith(name[..^1], StringComparison.Ordinal))))
                .ToDictionary(pair => pair.Key, pair => pair.Value);
            if (selected.Count > 0)
            {
                var attributes = new JsonObject();
                foreach (var (name, attribute) in selected)
                {
                    var value = new JsonObject { ["DataType"] = attribute.DataType };
                    if (attribute.BinaryValue is { } binary)
                    {
                        value["BinaryValue"] = Convert.ToBase64String(binary);
                    }
                    else
                    {
                        value["StringValue"] = attribute.StringValue;
                    }
                    attributes[name] = value;
                }
                item["MessageAttributes"] = attributes;
                item["MD5OfMessageAttributes"] = MessageMd5.OfAttributes(selected);
            }
            messages.Add(item);
        }
        return new JsonObject { ["Messages"] = messages };
    }

    private JsonObject DeleteMessage(JsonObject body, AccountContext caller)
    {
        var queue = QueueFor(body, caller, "sqs:DeleteMessage");
        queues.DeleteMessage(queue, Required(body, "ReceiptHandle"));
        return [];
    }

    private JsonObject GetQueueAttributes(JsonObject body, AccountContext caller)
    {
        var queue = QueueFor(body, caller, "sqs:GetQueueAttributes");
        var names = Names(body["AttributeNames"]);
        var (visible, notVisible) = queues.Count(queue);
        var all = new Dictionary<string, string>(queue.Attributes)
        {
            ["QueueArn"] = queue.Arn,
            ["ApproximateNumberOfMessages"] = visible.ToString(CultureInfo.InvariantCulture),
            ["ApproximateNumberOfMessagesNotVisible"] = notVisible.ToString(CultureInfo.InvariantCulture),
            ["ApproximateNumberOfMessagesDelayed"] = "0",
            ["CreatedTimestamp"] = queue.CreatedAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            ["VisibilityTimeout"] = ((int)queue.DefaultVisibilityTimeout.TotalSeconds).ToString(CultureInfo.InvariantCulture),
        };
        if (queue.Policy is { } policy)
        {
            all["Policy"] = policy;
        }
        var attributes = new JsonObject();
        foreach (var (name, value) in all.Where(pair => names.Contains("All") || names.Contains(pair.Key)))
        {
            attributes[name] = value;
        }
        return new JsonObject { ["Attributes"] = attributes };
    }

    private JsonObject SetQueueAttributes(JsonObject body, AccountContext caller)
    {
        var queue = QueueFor(body, caller, "sqs:SetQueueAttributes");
        var given = body["Attributes"] as JsonObject
            ?? throw new AwsServiceException("MissingParameter", "The request must contain the parameter Attributes.");
        if (given.Select(pair => pair.Key).FirstOrDefault(name => name != "Policy") is { } unsupported)
        {
            throw new AwsServiceException("InvalidAttributeName",
                $"local-cloud's SQS does not support setting the attribute {unsupported} after creation; only Policy can be set.");
        }

        queues.SetPolicy(queue, given["Policy"] is JsonValue value && value.TryGetValue<string>(out var policy) ? policy : "");
        return [];
    }

    private SqsQueue QueueFor(JsonObject body, AccountContext caller, string action)
    {
        var queue = queues.GetByUrl(caller, Required(body, "QueueUrl"));
        queues.Authorize(queue, caller, action);
        return queue;
    }

    private static JsonObject SystemAttributes(SqsMessage message, IReadOnlyList<string> wanted)
    {
        var all = new Dictionary<string, string>
        {
            ["SentTimestamp"] = message.SentAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
            ["ApproximateReceiveCount"] = message.ReceiveCount.ToString(CultureInfo.InvariantCulture),
            ["ApproximateFirstReceiveTimestamp"] = (message.FirstReceivedAt ?? message.SentAt).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
        };
        var result = new JsonObject();
        foreach (var (name, value) in all.Where(pair => wanted.Contains("All") || wanted.Contains(pair.Key)))
        {
            result[name] = value;
        }
        return result;
    }

    private static Dictionary<string, MessageAttribute> ReadAttributes(JsonObject? given)
    {
        var attributes = new Dictionary<string, MessageAttribute>();
        foreach (var (name, node) in given ?? [])
        {
            var dataType = node?["DataType"]?.GetValue<string>()
                ?? throw new AwsServiceException("InvalidParameterValue", $"The message attribute '{name}' must contain a non-empty attribute type.");
            byte[]? binary = null;
            if (node["BinaryValue"]?.GetValue<string>() is { } base64)
            {
                binary = new byte[base64.Length];
                binary = Convert.TryFromBase64String(base64, binary, out var length)
                    ? binary[..length]
                    : throw new AwsServiceException("InvalidParameterValue", $"The message attribute '{name}' has a BinaryValue that is not base64.");
            }
            attributes[name] = new MessageAttribute(dataType, node["StringValue"]?.GetValue<string>(), binary);
        }
        return attributes;
    }

    private static List<string> Names(JsonNode? node) =>
        node is JsonArray array ? array.Select(item => item?.GetValue<string>() ?? "").ToList() : [];

    private static string Required(JsonObject body, string name) =>
        Optional(body, name) ?? throw new AwsServiceException("MissingParameter", $"The request must contain the parameter {name}.");

    private static string? Optional(JsonObject body, string name) =>
        body[name] is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0 ? text : null;
}
