using System.Text.Json.Nodes;
using Choreo.LocalCloud.CloudFormation.Resources;

namespace Choreo.LocalCloud.Sqs.CloudFormation;

/// <summary><c>AWS::SQS::Queue</c>: Ref is the queue URL; GetAtt Arn, QueueName and QueueUrl.</summary>
public sealed class QueueProvider(SqsQueues queues) : IResourceProvider
{
    public string ResourceType => "AWS::SQS::Queue";

    public Task<ProvisionedResource> CreateAsync(ResourceRequest request, CancellationToken cancellationToken)
    {
        var properties = request.Properties;
        var name = properties["QueueName"]?.GetValue<string>() ?? GeneratedName(request);
        var attributes = new Dictionary<string, string>();
        foreach (var (key, value) in properties)
        {
            // Scalar properties (VisibilityTimeout, MessageRetentionPeriod, ...) are the queue's attributes.
            if (key is not "QueueName" and not "Tags" && value is JsonValue)
            {
                attributes[key] = value.ToString();
            }
        }
        var queue = queues.CreateQueue(request.Account, name, attributes);
        return Task.FromResult(new ProvisionedResource(queue.Url, new Dictionary<string, JsonNode?>
        {
            ["Arn"] = queue.Arn,
            ["QueueName"] = queue.Name,
            ["QueueUrl"] = queue.Url,
        }));
    }

    // CloudFormation names unnamed queues {stack}-{logicalId}-{random}, within SQS's 80 characters.
    private static string GeneratedName(ResourceRequest request)
    {
        var suffix = Guid.NewGuid().ToString("N")[..12].ToUpperInvariant();
        var stem = $"{request.StackName}-{request.LogicalId}";
        if (stem.Length > 80 - 13)
        {
            stem = stem[..(80 - 13)];
        }
        return $"{stem}-{suffix}";
    }
}
