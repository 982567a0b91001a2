using Choreo.LocalCloud.CloudFormation.Stacks;

namespace Choreo.LocalCloud.CloudFormation.Deployment;

/// <summary>
/// A deploy that failed. The message is one line naming the stack, the resource (logical id and type) when
/// one failed, the reason, and what had been created before; nothing is registered for a failed stack.
/// </summary>
public sealed class StackDeploymentException(
    string message,
    string stackName,
    string? logicalId,
    string? resourceType,
    IReadOnlyList<DeployedResource> createdResources,
    Exception? inner = null) : Exception(message, inner)
{
    public string StackName { get; } = stackName;

    /// <summary>The resource that failed, or null when the template itself failed to evaluate.</summary>
    public string? LogicalId { get; } = logicalId;

    public string? ResourceType { get; } = resourceType;

    /// <summary>Resources created before the failure. local-cloud cannot roll them back (providers only create).</summary>
    public IReadOnlyList<DeployedResource> CreatedResources { get; } = createdResources;
}
