using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Choreo.LocalCloud.Accounts;
using Choreo.LocalCloud.CloudFormation.Intrinsics;
using Choreo.LocalCloud.CloudFormation.Stacks;
using Choreo.LocalCloud.CloudFormation.Templates;

namespace Choreo.LocalCloud.CloudFormation.Deployment;

/// <summary>
/// The state of one stack while it deploys: parameter values, pseudo parameters, conditions, and the
/// resources created or skipped so far. It answers every Ref / Fn::GetAtt / Fn::ImportValue of the template.
/// </summary>
internal sealed class StackEvaluation : IReferenceScope
{
    private readonly AccountContext _account;
    private readonly string _stackName;
    private readonly IReadOnlyDictionary<string, JsonNode> _parameters;
    private readonly IReadOnlyDictionary<string, string> _declaredTypes;
    private readonly StackRegistry _stacks;
    private readonly Dictionary<string, DeployedResource> _created = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _skipped = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _excluded = new(StringComparer.Ordinal);
    private readonly List<PlaceholderUse> _placeholders = [];

    public StackEvaluation(
        string stackName,
        AccountContext account,
        JsonObject template,
        IReadOnlyDictionary<string, JsonNode> parameters,
        IReadOnlyDictionary<string, string> declaredTypes,
        StackRegistry stacks)
    {
        _stackName = stackName;
        _account = account;
        _parameters = parameters;
        _declaredTypes = declaredTypes;
        _stacks = stacks;
        StackId = $"arn:aws:cloudformation:{account.Region}:{account.AccountId}:stack/{stackName}/{DeterministicGuid(account, stackName)}";
        Resolver = new IntrinsicResolver(this, template["Mappings"] as JsonObject);
        Conditions = new ConditionEvaluator(template["Conditions"] as JsonObject, Resolver);
    }

    public string StackId { get; }

    public string Region => _account.Region;

    public IntrinsicResolver Resolver { get; }

    public ConditionEvaluator Conditions { get; }

    public IReadOnlyList<PlaceholderUse> Placeholders => _placeholders;

    public void Created(DeployedResource resource) => _created[resource.LogicalId] = resource;

    public void Skipped(string logicalId, string resourceType) => _skipped[logicalId] = resourceType;

    public void Excluded(string logicalId, string condition) => _excluded[logicalId] = condition;

    public JsonNode ResolveRef(string name, string location)
    {
        if (_parameters.TryGetValue(name, out var parameter))
        {
            return parameter;
        }

        switch (name)
        {
            case "AWS::AccountId":
                return _account.AccountId;
            case "AWS::Region":
                return _account.Region;
            case "AWS::Partition":
                return "aws";
            case "AWS::URLSuffix":
                return "amazonaws.com";
            case "AWS::StackName":
                return _stackName;
            case "AWS::StackId":
                return StackId;
            case "AWS::NotificationARNs":
                return new JsonArray();
        }

        if (_created.TryGetValue(name, out var resource))
        {
            return resource.PhysicalId;
        }

        return Placeholder(name, "Ref", location) ?? throw Unavailable(name, location);
    }

    public JsonNode ResolveGetAtt(string logicalId, string attribute, string location)
    {
        if (_created.TryGetValue(logicalId, out var resource))
        {
            return resource.Attributes.GetValueOrDefault(attribute) ?? throw new TemplateException(
                $"Template error at {location}: resource {logicalId} ({resource.ResourceType}) has no attribute '{attribute}' in local-cloud");
        }

        return Placeholder(logicalId, attribute, location) ?? throw Unavailable(logicalId, location);
    }

    public bool IsConditionTrue(string conditionName, string location) => Conditions.Evaluate(conditionName, location);

    public string ImportValue(string exportName, string location) =>
        _stacks.FindExport(_account, exportName) ?? throw new TemplateException(
            $"Template error at {location}: no export named {exportName} found in {_account.AccountId}/{_account.Region}");

    private JsonNode? Placeholder(string logicalId, string attribute, string location)
    {
        if (!_skipped.TryGetValue(logicalId, out var type))
        {
            return null;
        }

        var service = type.Split("::") is { Length: 3 } parts ? parts[1].ToLowerInvariant() : "custom";
        var value = attribute == "Ref"
            ? $"{_stackName}-{logicalId}-placeholder"
            : $"arn:aws:{service}:{_account.Region}:{_account.AccountId}:local-cloud-placeholder/{_stackName}/{logicalId}/{attribute}";
        _placeholders.Add(new PlaceholderUse(logicalId, type, attribute, value, location));
        return value;
    }

    private TemplateException Unavailable(string name, string location)
    {
        if (_excluded.TryGetValue(name, out var condition))
        {
            return new TemplateException(
                $"Template error at {location}: resource {name} is not created because its condition {condition} is false");
        }

        return _declaredTypes.ContainsKey(name)
            ? new TemplateException($"Template error at {location}: resource {name} is referenced before it is created")
            : new TemplateException($"Template format error at {location}: unresolved reference [{name}]: not a parameter, pseudo parameter or resource of the template");
    }

    private static Guid DeterministicGuid(AccountContext account, string stackName) =>
        new(SHA256.HashData(Encoding.UTF8.GetBytes($"{account.AccountId}/{account.Region}/{stackName}")).AsSpan(0, 16));
}
