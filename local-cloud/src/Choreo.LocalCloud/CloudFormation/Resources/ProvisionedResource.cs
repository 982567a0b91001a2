using System.Text.Json.Nodes;

namespace Choreo.LocalCloud.CloudFormation.Resources;

/// <summary>A created resource: what <c>Ref</c> returns, and what each <c>Fn::GetAtt</c> attribute returns.</summary>
public sealed record ProvisionedResource(string PhysicalId, IReadOnlyDictionary<string, JsonNode?> Attributes);
