using System.Text.Json.Nodes;

namespace Choreo.LocalCloud.CloudFormation.Iam;

/// <summary>A recorded IAM role: name, ARN, id, trust policy and the policies attached to it. Not enforced.</summary>
public sealed record IamRole(
    string AccountId,
    string RoleName,
    string Path,
    string Arn,
    string RoleId,
    JsonNode? AssumeRolePolicyDocument,
    IReadOnlyList<string> ManagedPolicyArns,
    IReadOnlyList<IamInlinePolicy> InlinePolicies);
