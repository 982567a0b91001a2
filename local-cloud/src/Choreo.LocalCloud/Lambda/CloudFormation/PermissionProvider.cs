using System.Text.Json.Nodes;
using Choreo.LocalCloud.CloudFormation.Resources;
using Choreo.LocalCloud.Lambda.Model;

namespace Choreo.LocalCloud.Lambda.CloudFormation;

/// <summary>
/// <c>AWS::Lambda::Permission</c>: adds a statement to the function's resource-based policy (Action, Principal,
/// SourceArn, SourceAccount). EventBridge delivers to a function only when that policy lets it (see
/// <c>EventBridge/Policies/FunctionConsent</c>). Ref is the statement id CloudFormation generates.
/// </summary>
public sealed class PermissionProvider(FunctionRegistry functions) : IResourceProvider
{
    public string ResourceType => "AWS::Lambda::Permission";

    public Task<ProvisionedResource> CreateAsync(ResourceRequest request, CancellationToken cancellationToken)
    {
        var properties = request.Properties;
        var function = functions.Find(request.Account.AccountId, request.Account.Region,
            ResourceProperties.RequiredText(properties, "FunctionName", request.LogicalId));
        var statementId = GeneratedPhysicalName.For(request, maxLength: 100);
        functions.AddPermission(function.Arn, new FunctionPermission(
            statementId,
            ResourceProperties.RequiredText(properties, "Action", request.LogicalId),
            ResourceProperties.RequiredText(properties, "Principal", request.LogicalId),
            ResourceProperties.Text(properties, "SourceArn"),
            ResourceProperties.Text(properties, "SourceAccount")));
        return Task.FromResult(new ProvisionedResource(statementId, new Dictionary<string, JsonNode?>()));
    }
}
