using System.Text.Json.Nodes;
using Choreo.LocalCloud.CloudFormation.Resources;
using Choreo.LocalCloud.EventBridge.Model;
using Choreo.LocalCloud.EventBridge.Policies;
using Choreo.LocalCloud.Hosting;

namespace Choreo.LocalCloud.EventBridge.CloudFormation;

/// <summary>
/// <c>AWS::Events::EventBusPolicy</c>: one statement on a bus policy, given whole (<c>Statement</c>) or in the legacy
/// form (<c>Principal</c>, <c>Action</c>, <c>Condition</c>). Ref is the StatementId.
/// </summary>
public sealed class EventBusPolicyProvider(EventBridgeService events) : IResourceProvider
{
    public string ResourceType => "AWS::Events::EventBusPolicy";

    public Task<ProvisionedResource> CreateAsync(ResourceRequest request, CancellationToken cancellationToken)
    {
        var properties = request.Properties;
        var statementId = properties["StatementId"]?.GetValue<string>()
            ?? throw new AwsServiceException("ValidationError", $"Resource {request.LogicalId}: StatementId is required for AWS::Events::EventBusPolicy.");
        var busParameter = properties["EventBusName"]?.GetValue<string>();
        var (owner, busName) = EventBridgeArn.ResolveBus(busParameter, request.Account)
            ?? throw new AwsServiceException("ValidationError", $"Resource {request.LogicalId}: EventBusName '{busParameter}' is neither a bus name nor an event-bus ARN.");
        var bus = events.GetEventBus(owner, busName);
        JsonObject statement;
        if (properties["Statement"] is JsonObject given)
        {
            statement = (JsonObject)given.DeepClone();
            statement["Sid"] = statementId;
        }
        else
        {
            var principal = properties["Principal"]?.GetValue<string>()
                ?? throw new AwsServiceException("ValidationError", $"Resource {request.LogicalId}: either Statement or Principal is required.");
            var action = properties["Action"]?.GetValue<string>() ?? PutEventsAuthorization.Action;
            statement = PermissionStatement.Build(statementId, principal, action, bus.Arn, properties["Condition"] as JsonObject);
        }
        events.PutPermission(owner, busName, statement);
        return Task.FromResult(new ProvisionedResource(statementId, new Dictionary<string, JsonNode?>()));
    }
}
