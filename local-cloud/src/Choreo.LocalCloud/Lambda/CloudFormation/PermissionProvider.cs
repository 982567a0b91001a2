using System.Text.Json.Nodes;
using Choreo.LocalCloud.CloudFormation.Resources;

namespace Choreo.LocalCloud.Lambda.CloudFormation;

/// <summary>
/// <c>AWS::Lambda::Permission</c>: recorded, not enforced. Locally, rules invoke functions of their own
/// account only, which is what these permissions grant in Choreo's templates.
/// </summary>
public sealed class PermissionProvider : IResourceProvider
{
    public string ResourceType => "AWS::Lambda::Permission";

    public Task<ProvisionedResource> CreateAsync(ResourceRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(new ProvisionedResource($"{request.StackName}-{request.LogicalId}", new Dictionary<string, JsonNode?>()));
}
