using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Constructs;

namespace Choreo.Pipeline.Smoke;

/// <summary>
/// Lets the pipeline's smoke step act in a stage account, and nothing more: only the tooling account may
/// assume it, and it holds only the statements it is given.
/// </summary>
public sealed class SmokeTestRole : Construct
{
    public SmokeTestRole(Construct scope, string id, SmokeTestRoleProps props) : base(scope, id)
    {
        Role = new Role(this, "Role", new RoleProps
        {
            RoleName = props.RoleName,
            AssumedBy = new AccountPrincipal(props.ToolingAccount),
            Description = "Assumed by the Choreo pipeline's post-deploy smoke test.",
            MaxSessionDuration = Duration.Hours(1),
        });
        foreach (var statement in props.Statements)
        {
            Role.AddToPrincipalPolicy(statement);
        }
        ArnOutput = new CfnOutput(this, "Arn", new CfnOutputProps { Value = Role.RoleArn });
    }

    public Role Role { get; }

    public CfnOutput ArnOutput { get; }

    public static string ArnFor(string account, string roleName) => $"arn:aws:iam::{account}:role/{roleName}";
}
