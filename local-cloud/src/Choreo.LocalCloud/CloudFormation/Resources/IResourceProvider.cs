using System.Text.Json.Nodes;

namespace Choreo.LocalCloud.CloudFormation.Resources;

/// <summary>
/// Creates one CloudFormation resource type in local-cloud, from properties whose intrinsics are already
/// resolved. Each service provides the providers for its own types.
/// </summary>
public interface IResourceProvider
{
    /// <summary>The CloudFormation type, e.g. <c>AWS::Events::Rule</c>.</summary>
    string ResourceType { get; }

    Task<ProvisionedResource> CreateAsync(ResourceRequest request, CancellationToken cancellationToken);
}
