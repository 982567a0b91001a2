using System.Text.Json.Nodes;
using Choreo.LocalCloud.CloudFormation.Resources;
using Choreo.LocalCloud.Hosting;

namespace Choreo.LocalCloud.EventBridge.CloudFormation;

/// <summary><c>AWS::Events::EventBus</c>: Ref is the bus name; GetAtt Arn and Name. An inline Policy is applied.</summary>
public sealed class EventBusProvider(EventBridgeService events) : IResourceProvider
{
    public string ResourceType => "AWS::Events::EventBus";

    public Task<ProvisionedResource> CreateAsync(ResourceRequest request, CancellationToken cancellationToken)
    {
        var name = request.Properties["Name"]?.GetValue<string>()
            ?? throw new AwsServiceException("ValidationError", $"Resource {request.LogicalId}: property Name is required for AWS::Events::EventBus.");
        var bus = events.CreateEventBus(request.Account, name, request.Properties["Description"]?.GetValue<string>());
        if (request.Properties["Policy"] is { } policy)
        {
            var document = policy is JsonValue text && text.TryGetValue<string>(out var raw) ? JsonNode.Parse(raw) : policy.DeepClone();
            events.SetPolicy(request.Account, name, document as JsonObject
                ?? throw new AwsServiceException("ValidationError", $"Resource {request.LogicalId}: Policy is not a JSON policy document."));
        }
        return Task.FromResult(new ProvisionedResource(bus.Name, new Dictionary<string, JsonNode?>
        {
            ["Arn"] = bus.Arn,
            ["Name"] = bus.Name,
        }));
    }
}
