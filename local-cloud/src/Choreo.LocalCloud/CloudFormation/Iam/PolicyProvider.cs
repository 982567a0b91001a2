using System.Text.Json.Nodes;
using Choreo.LocalCloud.CloudFormation.Resources;

namespace Choreo.LocalCloud.CloudFormation.Iam;

/// <summary>
/// <c>AWS::IAM::Policy</c>: an inline policy put on roles, users and groups; Ref and Fn::GetAtt Id are the
/// generated policy id. Roles not recorded here (created outside any local stack) are kept by name only.
/// </summary>
public sealed class PolicyProvider(IamRegistry registry) : IResourceProvider
{
    public string ResourceType => "AWS::IAM::Policy";

    public Task<ProvisionedResource> CreateAsync(ResourceRequest request, CancellationToken cancellationToken)
    {
        var properties = request.Properties;
        var policyName = ResourceProperties.Text(properties, "PolicyName")
            ?? throw new ArgumentException($"AWS::IAM::Policy {request.LogicalId} has no PolicyName");
        var id = GeneratedPhysicalName.For(request, maxLength: 128);
        registry.AddPolicy(new IamPolicy(
            request.Account.AccountId,
            id,
            policyName,
            properties["PolicyDocument"]?.DeepClone(),
            IamProperties.Names(properties, "Roles"),
            IamProperties.Names(properties, "Users"),
            IamProperties.Names(properties, "Groups")));
        return Task.FromResult(new ProvisionedResource(id, new Dictionary<string, JsonNode?> { ["Id"] = id }));
    }
}
