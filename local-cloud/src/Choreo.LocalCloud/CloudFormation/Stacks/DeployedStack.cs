using Choreo.LocalCloud.Accounts;

namespace Choreo.LocalCloud.CloudFormation.Stacks;

/// <summary>
/// The outcome of deploying a stack: created resources in creation order, outputs, the resource types that
/// were skipped (no provider), the placeholder values that stood in for them, and notes (e.g. rules skipped).
/// </summary>
public sealed record DeployedStack(
    string StackName,
    string StackId,
    AccountContext Account,
    IReadOnlyList<DeployedResource> Resources,
    IReadOnlyDictionary<string, StackOutput> Outputs,
    IReadOnlyList<SkippedResourceType> SkippedTypes,
    IReadOnlyList<PlaceholderUse> Placeholders,
    IReadOnlyList<string> Notes)
{
    /// <summary>The created resource with this logical id; a clear error if there is none.</summary>
    public DeployedResource Resource(string logicalId) =>
        Resources.FirstOrDefault(r => r.LogicalId == logicalId)
        ?? throw new KeyNotFoundException($"Stack {StackName} has no created resource '{logicalId}'");

    /// <summary>The created resources of one type, e.g. every <c>AWS::S3::Bucket</c>.</summary>
    public IEnumerable<DeployedResource> ResourcesOfType(string resourceType) =>
        Resources.Where(r => r.ResourceType == resourceType);

    /// <summary>The value of an output; a clear error if the stack has no such output.</summary>
    public string Output(string key) =>
        Outputs.TryGetValue(key, out var output)
            ? output.Value
            : throw new KeyNotFoundException($"Stack {StackName} has no output '{key}'");
}
