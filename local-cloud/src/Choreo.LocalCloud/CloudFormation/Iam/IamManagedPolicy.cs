using System.Text.Json.Nodes;

namespace Choreo.LocalCloud.CloudFormation.Iam;

/// <summary>A recorded customer managed policy (<c>AWS::IAM::ManagedPolicy</c>) and the roles it is attached to.</summary>
public sealed record IamManagedPolicy(
    string AccountId,
    string PolicyName,
    string Path,
    string Arn,
    string PolicyId,
    JsonNode? Document,
    IReadOnlyList<string> Roles);
