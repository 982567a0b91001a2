using System.Text.Json.Nodes;
using Choreo.Contracts.Accounts;

namespace Choreo.LocalCloud.Lambda.Model;

/// <summary>
/// One statement of a function's resource-based policy, as <c>AddPermission</c> and <c>AWS::Lambda::Permission</c>
/// create it: who (a service principal such as <c>events.amazonaws.com</c>, or an account or IAM ARN) may perform
/// which action on the function, optionally only for one source ARN and source account.
/// </summary>
public sealed record FunctionPermission(string StatementId, string Action, string Principal, string? SourceArn, string? SourceAccount)
{
    /// <summary>The statement in the shape Lambda's GetPolicy shows it.</summary>
    public JsonObject ToStatement(string functionArn)
    {
        var isService = Principal.EndsWith(".amazonaws.com", StringComparison.Ordinal);
        var statement = new JsonObject
        {
            ["Sid"] = StatementId,
            ["Effect"] = "Allow",
            ["Principal"] = isService
                ? new JsonObject { ["Service"] = Principal }
                : new JsonObject { ["AWS"] = AwsAccountId.IsValid(Principal) ? $"arn:aws:iam::{Principal}:root" : Principal },
            ["Action"] = Action,
            ["Resource"] = functionArn,
        };
        var condition = new JsonObject();
        if (SourceArn is not null)
        {
            condition["ArnLike"] = new JsonObject { ["AWS:SourceArn"] = SourceArn };
        }
        if (SourceAccount is not null)
        {
            condition["StringEquals"] = new JsonObject { ["AWS:SourceAccount"] = SourceAccount };
        }
        if (condition.Count > 0)
        {
            statement["Condition"] = condition;
        }
        return statement;
    }
}
