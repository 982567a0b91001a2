namespace Choreo.LocalCloud.CloudFormation.Stacks;

/// <summary>A resource type local-cloud has no provider for, with the logical ids of the stack's resources of that type.</summary>
public sealed record SkippedResourceType(string ResourceType, IReadOnlyList<string> LogicalIds);
