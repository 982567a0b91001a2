using Amazon.CDK.AWS.IAM;

namespace Choreo.Pipeline.Smoke;

/// <summary>A role the tooling account's smoke step assumes, with a fixed name so its ARN is known before deploy.</summary>
public sealed record SmokeTestRoleProps
{
    /// <summary>The only account trusted to assume the role.</summary>
    public required string ToolingAccount { get; init; }

    public required string RoleName { get; init; }

    /// <summary>Everything the role may do.</summary>
    public required IReadOnlyList<PolicyStatement> Statements { get; init; }
}
