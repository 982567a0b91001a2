using System.Text.Json;
using System.Text.Json.Nodes;
using Choreo.Contracts.Accounts;
using Choreo.LocalCloud.Accounts;

namespace Choreo.LocalCloud.Policies;

/// <summary>
/// A resource-based policy (bucket, queue or bus policy), validated against IAM's grammar when it is put so that a
/// stored policy can always be evaluated. Principals are matched by account (local-cloud knows callers by account);
/// an explicit Deny wins over any Allow.
/// </summary>
public sealed class ResourcePolicy
{
    private static readonly HashSet<string> StatementFields =
        ["Sid", "Effect", "Principal", "NotPrincipal", "Action", "NotAction", "Resource", "NotResource", "Condition"];

    private static readonly HashSet<string> PrincipalTypes = ["AWS", "Service", "Federated", "CanonicalUser"];

    private ResourcePolicy(IReadOnlyList<PolicyStatement> statements) => Statements = statements;

    public IReadOnlyList<PolicyStatement> Statements { get; }

    /// <summary>Parses and validates <paramref name="json"/>; throws <see cref="MalformedPolicyException"/> with AWS's reason.</summary>
    /// <param name="maxBytes">The service's size limit (20 KB for S3 and SQS).</param>
    /// <param name="requireResource">Whether every statement must name a Resource (S3 requires it).</param>
    public static ResourcePolicy Parse(string json, int maxBytes, bool requireResource)
    {
        if (System.Text.Encoding.UTF8.GetByteCount(json) > maxBytes)
        {
            throw new MalformedPolicyException("Policy exceeds the maximum allowed document size.");
        }

        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException)
        {
            throw new MalformedPolicyException("Policies must be valid JSON and the first byte must be '{'");
        }

        if (root is not JsonObject document)
        {
            throw new MalformedPolicyException("Policies must be valid JSON and the first byte must be '{'");
        }

        foreach (var (field, value) in document)
        {
            switch (field)
            {
                case "Version" when value is JsonValue version && version.TryGetValue<string>(out var text) && text is "2012-10-17" or "2008-10-17":
                case "Id" when value is JsonValue id && id.TryGetValue<string>(out _):
                case "Statement":
                    break;
                case "Version":
                    throw new MalformedPolicyException("Invalid policy document version; it must be \"2012-10-17\" or \"2008-10-17\"");
                default:
                    throw new MalformedPolicyException($"Unknown field {field}");
            }
        }

        var statements = document["Statement"] switch
        {
            JsonArray array => array.Select(Statement).ToList(),
            JsonObject single => [Statement(single)],
            null => throw new MalformedPolicyException("Missing required field Statement"),
            _ => throw new MalformedPolicyException("Statement must be a statement object or a list of statement objects"),
        };
        return new ResourcePolicy(statements);

        PolicyStatement Statement(JsonNode? node)
        {
            if (node is not JsonObject statement)
            {
                throw new MalformedPolicyException("Statement must be a statement object or a list of statement objects");
            }

            if (statement.Select(pair => pair.Key).FirstOrDefault(key => !StatementFields.Contains(key)) is { } unknown)
            {
                throw new MalformedPolicyException($"Unknown field {unknown}");
            }

            if (statement["Sid"] is { } sid && (sid is not JsonValue sidValue || !sidValue.TryGetValue<string>(out _)))
            {
                throw new MalformedPolicyException("Statement IDs (SID) must be strings");
            }

            var effect = statement["Effect"] is JsonValue effectValue && effectValue.TryGetValue<string>(out var effectText)
                ? effectText
                : throw new MalformedPolicyException("Missing required field Effect");
            if (effect is not ("Allow" or "Deny"))
            {
                throw new MalformedPolicyException($"Invalid effect: {effect}");
            }

            var (principals, notPrincipals) = Exclusive(statement, "Principal", Principal, required: true);
            var (actions, notActions) = Exclusive(statement, "Action", node => Strings(node, "Policy has invalid action", IsAction), required: true);
            var (resources, notResources) = Exclusive(statement, "Resource", node => Strings(node, "Policy has invalid resource", IsResource), requireResource);
            var services = statement["Principal"] is JsonObject { } principalObject && principalObject["Service"] is { } service
                ? Strings(service, "Invalid principal in policy", _ => true)
                : null;
            return new PolicyStatement(effect == "Deny", principals, notPrincipals, actions, notActions, resources, notResources, Condition(statement["Condition"]), services);
        }
    }

    /// <summary>Parses a stored policy; one that cannot be parsed (stored before validation existed) says nothing.</summary>
    public static ResourcePolicy? ParseStored(string? json, bool requireResource)
    {
        if (json is null)
        {
            return null;
        }

        try
        {
            return Parse(json, int.MaxValue, requireResource);
        }
        catch (MalformedPolicyException)
        {
            return null;
        }
    }

    public PolicyEffect Evaluate(PolicyRequest request)
    {
        var result = PolicyEffect.NotApplicable;
        foreach (var statement in Statements.Where(statement => Applies(statement, request)))
        {
            if (statement.IsDeny)
            {
                return PolicyEffect.Deny;
            }

            result = PolicyEffect.Allow;
        }

        return result;
    }

    private static bool Applies(PolicyStatement statement, PolicyRequest request) =>
        (statement.Principals is { } principals ? principals.Any(p => PrincipalMatches(p, request)) || ServiceMatches(statement, request)
            : !statement.NotPrincipals!.Any(p => PrincipalMatches(p, request)))
        && (statement.Actions is { } actions ? actions.Any(a => WildcardPattern.Matches(a, request.Action, ignoreCase: true))
            : !statement.NotActions!.Any(a => WildcardPattern.Matches(a, request.Action, ignoreCase: true)))
        && (statement.Resources is { } resources ? resources.Any(r => WildcardPattern.Matches(r, request.Resource, ignoreCase: false))
            : statement.NotResources is not { } notResources || !notResources.Any(r => WildcardPattern.Matches(r, request.Resource, ignoreCase: false)))
        && (statement.Condition is not { } condition
            || (request.ConditionKeys is { } keys && PolicyCondition.Holds(condition, keys, request.UndecidedKeys, undecidedHolds: !statement.IsDeny)));

    // "*", a 12-digit account id, or an IAM ARN of that account (its root, or a role or user in it). A service
    // principal is matched only by "*" among AWS principals.
    private static bool PrincipalMatches(string principal, PolicyRequest request) =>
        principal == "*"
        || (request.PrincipalService is null
            && (principal == request.PrincipalAccount || Arn.TryParse(principal, out var arn) && arn is { Service: "iam", Region: "", ResourceParts: [_] } && arn.Account == request.PrincipalAccount));

    private static bool ServiceMatches(PolicyStatement statement, PolicyRequest request) =>
        request.PrincipalService is { } service && statement.ServicePrincipals?.Contains(service, StringComparer.Ordinal) == true;

    private static (IReadOnlyList<string>?, IReadOnlyList<string>?) Exclusive(
        JsonObject statement, string name, Func<JsonNode, IReadOnlyList<string>> read, bool required)
    {
        var positive = statement[name];
        var negative = statement["Not" + name];
        if (positive is not null && negative is not null)
        {
            throw new MalformedPolicyException($"Statement cannot have both {name} and Not{name}");
        }

        if (positive is null && negative is null)
        {
            return required ? throw new MalformedPolicyException($"Missing required field {name}") : (null, null);
        }

        return positive is not null ? (read(positive), null) : (null, read(negative!));
    }

    private static IReadOnlyList<string> Principal(JsonNode node)
    {
        if (node is JsonValue value && value.TryGetValue<string>(out var text))
        {
            return text == "*" ? ["*"] : throw new MalformedPolicyException("Invalid principal in policy");
        }

        if (node is not JsonObject principal || principal.Count == 0)
        {
            throw new MalformedPolicyException("Invalid principal in policy");
        }

        var accounts = new List<string>();
        foreach (var (type, entries) in principal)
        {
            if (!PrincipalTypes.Contains(type) || entries is null)
            {
                throw new MalformedPolicyException("Invalid principal in policy");
            }

            var names = Strings(entries, "Invalid principal in policy", _ => true);
            if (type == "AWS")
            {
                if (names.Any(name => !IsAwsPrincipal(name)))
                {
                    throw new MalformedPolicyException("Invalid principal in policy");
                }

                accounts.AddRange(names);
            }
        }

        return accounts;
    }

    private static bool IsAwsPrincipal(string name) =>
        name == "*"
        || AwsAccountId.IsValid(name)
        || (Arn.TryParse(name, out var arn)
            && arn is { Partition: "aws" or "aws-us-gov" or "aws-cn", Service: "iam", Region: "", ResourceParts: [{ Length: > 0 }] }
            && AwsAccountId.IsValid(arn.Account));

    private static bool IsAction(string action) =>
        action == "*" || (action.IndexOf(':') is > 0 and var colon && colon < action.Length - 1 && action.IndexOf(':', colon + 1) < 0);

    private static bool IsResource(string resource) =>
        resource == "*" || Arn.TryParse(resource, out _);

    private static IReadOnlyList<string> Strings(JsonNode node, string invalid, Func<string, bool> valid)
    {
        // Not a collection expression: its natural type here would be JsonArray, which re-parents the node.
        IEnumerable<JsonNode?> items = node is JsonArray array ? array : Enumerable.Repeat<JsonNode?>(node, 1);
        var strings = new List<string>();
        foreach (var item in items)
        {
            if (item is not JsonValue value || !value.TryGetValue<string>(out var text) || !valid(text))
            {
                throw new MalformedPolicyException(invalid);
            }

            strings.Add(text);
        }

        return strings.Count > 0 ? strings : throw new MalformedPolicyException(invalid);
    }

    private static JsonObject? Condition(JsonNode? node)
    {
        if (node is null)
        {
            return null;
        }

        if (node is not JsonObject condition
            || condition.Any(block => block.Value is not JsonObject keys
                || keys.Any(key => key.Value is not (JsonValue or JsonArray) || (key.Value is JsonArray values && values.Any(v => v is not JsonValue)))))
        {
            throw new MalformedPolicyException("Invalid Condition block: it must map condition operators to keys and values");
        }

        return condition;
    }
}
