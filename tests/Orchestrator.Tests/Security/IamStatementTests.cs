using Orchestrator.Tests.Synthesis;

namespace Orchestrator.Tests.Security;

[Collection(SynthesizedOrchestratorCollection.Name)]
public sealed class IamStatementTests(SynthesizedOrchestrator synthesized)
{
    /// <summary>
    /// The only actions allowed on "*": AWS offers no resource-level permission for them.
    /// CloudWatch Logs vended log delivery (what Step Functions logging needs) and X-Ray trace upload.
    /// </summary>
    private static readonly HashSet<string> ActionsWithoutResourceScope =
    [
        "logs:CreateLogDelivery", "logs:GetLogDelivery", "logs:UpdateLogDelivery", "logs:DeleteLogDelivery",
        "logs:ListLogDeliveries", "logs:PutResourcePolicy", "logs:DescribeResourcePolicies", "logs:DescribeLogGroups",
        "xray:PutTraceSegments", "xray:PutTelemetryRecords", "xray:GetSamplingRules", "xray:GetSamplingTargets",
    ];

    public static TheoryData<string> Stacks => ["Default", "Tuned"];

    private TemplateJson Template(string stack) => stack == "Default" ? synthesized.Default : synthesized.Tuned;

    [Theory]
    [MemberData(nameof(Stacks))]
    public void No_statement_allows_every_action(string stack)
    {
        var template = Template(stack);
        var statements = template.PolicyStatements().ToList();
        Assert.NotEmpty(statements);
        foreach (var (owner, statement) in statements.Where(s => s.Statement["Effect"]!.GetValue<string>() == "Allow"))
        {
            Assert.All(template.List(statement["Action"]), action =>
            {
                Assert.NotEqual("*", action);
                Assert.False(action.EndsWith(":*", StringComparison.Ordinal), $"{owner} allows {action}");
            });
        }
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Star_resource_is_allowed_only_for_actions_aws_cannot_scope(string stack)
    {
        var template = Template(stack);
        foreach (var (owner, statement) in template.PolicyStatements().Where(s => s.Statement["Effect"]!.GetValue<string>() == "Allow"))
        {
            if (!template.List(statement["Resource"]).Contains("*"))
            {
                continue;
            }
            Assert.All(template.List(statement["Action"]),
                action => Assert.True(ActionsWithoutResourceScope.Contains(action), $"{owner} allows {action} on every resource"));
        }
    }
}
