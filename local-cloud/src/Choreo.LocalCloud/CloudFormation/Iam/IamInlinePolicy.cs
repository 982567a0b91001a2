using System.Text.Json.Nodes;

namespace Choreo.LocalCloud.CloudFormation.Iam;

/// <summary>A policy embedded in a role, from the role's <c>Policies</c> or an <c>AWS::IAM::Policy</c> attached to it.</summary>
public sealed record IamInlinePolicy(string PolicyName, JsonNode? Document);
