using System.Text.Json.Nodes;
using Choreo.LocalCloud.CloudFormation.Resources;
using Choreo.LocalCloud.Hosting;

namespace Choreo.LocalCloud.Sqs.CloudFormation;

/// <summary>
/// <c>AWS::SQS::QueuePolicy</c>: the document is validated and set on each queue; the SQS API enforces it for
/// callers from other accounts (EventBridge writes dead letters without asking it).
/// </summary>
public sealed class QueuePolicyProvider(SqsQueues queues) : IResourceProvider
{
    public string ResourceType => "AWS::SQS::QueuePolicy";

    public Task<ProvisionedResource> CreateAsync(ResourceRequest request, CancellationToken cancellationToken)
    {
        var document = request.Properties["PolicyDocument"]
            ?? throw new AwsServiceException("ValidationError", $"Resource {request.LogicalId}: property PolicyDocument is required for AWS::SQS::QueuePolicy.");
        var policy = document is JsonValue value && value.TryGetValue<string>(out var text) ? text : document.ToJsonString();
        foreach (var url in request.Properties["Queues"] as JsonArray ?? [])
        {
            var queue = queues.GetByUrl(request.Account, url?.GetValue<string>() ?? "");
            queues.SetPolicy(queue, policy);
        }
        return Task.FromResult(new ProvisionedResource($"{request.StackName}-{request.LogicalId}", new Dictionary<string, JsonNode?>()));
    }
}
