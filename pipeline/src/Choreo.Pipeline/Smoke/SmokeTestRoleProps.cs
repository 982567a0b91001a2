using Amazon.CDK.AWS.IAM;

namespace Choreo.Pipeline.Smoke;

/// <summary>A role the tooling account's smoke step assumes, with a fixed name so its ARN is known before deploy.</summary>
public sealed record SmokeTestRoleProps(string ToolingAccount, string RoleName, IReadOnlyList<PolicyStatement> Statements);
