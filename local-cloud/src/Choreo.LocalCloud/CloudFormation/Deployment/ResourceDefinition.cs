using System.Text.Json.Nodes;

namespace Choreo.LocalCloud.CloudFormation.Deployment;

/// <summary>A resource as the template declares it, before evaluation.</summary>
internal sealed record ResourceDefinition(
    string Type,
    JsonNode? Properties,
    JsonObject? Metadata,
    string? Condition,
    IReadOnlyList<string> DependsOn);
