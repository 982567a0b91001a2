using System.Text.Json.Nodes;
using Choreo.LocalCloud.CloudFormation.Resources;

namespace Choreo.LocalCloud.CloudFormation.Iam;

/// <summary><c>AWS::IAM::Role</c>: Ref is the role name; Fn::GetAtt Arn and RoleId. The role is recorded, not enforced.</summary>
public sealed class RoleProvider(IamRegistry registry) : IResourceProvider
{
    public string ResourceType => "AWS::IAM::Role";

    public Task<ProvisionedResource> CreateAsync(ResourceRequest request, CancellationToken cancellationToken)
    {
        var properties = request.Properties;
        var name = ResourceProperties.Text(properties, "RoleName") ?? GeneratedPhysicalName.For(request, maxLength: 64);
        var path = IamProperties.PathOf(properties);
        var inline = (properties["Policies"] as JsonArray ?? [])
            .OfType<JsonObject>()
            .Select(p => new IamInlinePolicy(ResourceProperties.Text(p, "PolicyName") ?? "", p["PolicyDocument"]?.DeepClone()))
            .ToList();
        var role = registry.AddRole(new IamRole(
            request.Account.AccountId,
            name,
            path,
            $"arn:aws:iam::{request.Account.AccountId}:role{path}{name}",
            IamProperties.UniqueId("AROA", request),
            properties["AssumeRolePolicyDocument"]?.DeepClone(),
            IamProperties.Names(properties, "ManagedPolicyArns"),
            inline));
        return Task.FromResult(new ProvisionedResource(role.RoleName, new Dictionary<string, JsonNode?>
        {
            ["Arn"] = role.Arn,
            ["RoleId"] = role.RoleId,
        }));
    }
}
