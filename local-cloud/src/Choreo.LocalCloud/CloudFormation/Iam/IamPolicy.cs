using System.Text.Json.Nodes;

namespace Choreo.LocalCloud.CloudFormation.Iam;

/// <summary>A recorded <c>AWS::IAM::Policy</c>: an inline policy put on the named roles, users and groups.</summary>
public sealed record IamPolicy(
    string AccountId,
    string PolicyId,
    string PolicyName,
    JsonNode? Document,
    IReadOnlyList<string> Roles,
    IReadOnlyList<string> Users,
    IReadOnlyList<string> Groups);
