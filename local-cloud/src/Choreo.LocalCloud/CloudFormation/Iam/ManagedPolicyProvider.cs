using System.Text.Json.Nodes;
using Choreo.LocalCloud.CloudFormation.Resources;

namespace Choreo.LocalCloud.CloudFormation.Iam;

/// <summary><c>AWS::IAM::ManagedPolicy</c>: Ref is the policy ARN; Fn::GetAtt PolicyArn, PolicyId, DefaultVersionId, AttachmentCount, IsAttachable.</summary>
public sealed class ManagedPolicyProvider(IamRegistry registry) : IResourceProvider
{
    public string ResourceType => "AWS::IAM::ManagedPolicy";

    public Task<ProvisionedResource> CreateAsync(ResourceRequest request, CancellationToken cancellationToken)
    {
        var properties = request.Properties;
        var name = ResourceProperties.Text(properties, "ManagedPolicyName") ?? GeneratedPhysicalName.For(request, maxLength: 128);
        var path = IamProperties.PathOf(properties);
        var roles = IamProperties.Names(properties, "Roles");
        var policy = new IamManagedPolicy(
            request.Account.AccountId,
            name,
            path,
            $"arn:aws:iam::{request.Account.AccountId}:policy{path}{name}",
            IamProperties.UniqueId("ANPA", request),
            properties["PolicyDocument"]?.DeepClone(),
            roles);
        registry.AddManagedPolicy(policy);
        var attachments = roles.Count + IamProperties.Names(properties, "Users").Count + IamProperties.Names(properties, "Groups").Count;
        return Task.FromResult(new ProvisionedResource(policy.Arn, new Dictionary<string, JsonNode?>
        {
            ["PolicyArn"] = policy.Arn,
            ["PolicyId"] = policy.PolicyId,
            ["DefaultVersionId"] = "v1",
            ["AttachmentCount"] = attachments,
            ["IsAttachable"] = true,
        }));
    }
}
