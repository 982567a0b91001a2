using System.Text.Json.Nodes;

namespace Choreo.LocalCloud.EventBridge.Policies;

/// <summary>
/// The statement PutPermission (and the legacy <c>AWS::Events::EventBusPolicy</c> properties) add to a bus policy:
/// Principal "*" or an account id, one action, an optional Condition <c>{Type, Key, Value}</c>.
/// </summary>
public static class PermissionStatement
{
    public static JsonObject Build(string statementId, string principal, string action, string busArn, JsonObject? condition)
    {
        var statement = new JsonObject
        {
            ["Sid"] = statementId,
            ["Effect"] = "Allow",
            ["Principal"] = principal == "*" ? "*" : new JsonObject { ["AWS"] = $"arn:aws:iam::{principal}:root" },
            ["Action"] = action,
            ["Resource"] = busArn,
        };
        if (condition is not null)
        {
            var type = condition["Type"]?.GetValue<string>() ?? "StringEquals";
            var key = condition["Key"]?.GetValue<string>() ?? "";
            statement["Condition"] = new JsonObject { [type] = new JsonObject { [key] = condition["Value"]?.DeepClone() } };
        }
        return statement;
    }

    /// <summary>Adds or replaces the statement with the same Sid in <paramref name="policy"/> (creating the document if needed).</summary>
    public static JsonObject Upsert(JsonObject? policy, JsonObject statement)
    {
        var document = policy?.DeepClone() as JsonObject ?? new JsonObject { ["Version"] = "2012-10-17", ["Statement"] = new JsonArray() };
        if (document["Statement"] is not JsonArray statements)
        {
            statements = document["Statement"] is JsonObject single ? [single.DeepClone()] : [];
            document["Statement"] = statements;
        }
        var sid = statement["Sid"]?.GetValue<string>();
        for (var index = statements.Count - 1; index >= 0; index--)
        {
            if (sid is not null && statements[index]?["Sid"]?.GetValue<string>() == sid)
            {
                statements.RemoveAt(index);
            }
        }
        statements.Add(statement);
        return document;
    }
}
