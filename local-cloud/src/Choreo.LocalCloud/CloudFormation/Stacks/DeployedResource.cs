using System.Text.Json.Nodes;

namespace Choreo.LocalCloud.CloudFormation.Stacks;

/// <summary>A resource a provider created: its physical id (what Ref returns) and its Fn::GetAtt attributes.</summary>
public sealed record DeployedResource(
    string LogicalId,
    string ResourceType,
    string PhysicalId,
    IReadOnlyDictionary<string, JsonNode?> Attributes);
