using System.Text.Json;
using System.Text.Json.Nodes;
using Choreo.LocalCloud.Accounts;
using Choreo.LocalCloud.CloudFormation.Assembly;
using Choreo.LocalCloud.CloudFormation.Intrinsics;
using Choreo.LocalCloud.CloudFormation.Resources;
using Choreo.LocalCloud.CloudFormation.Stacks;
using Choreo.LocalCloud.CloudFormation.Templates;
using Choreo.LocalCloud.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Choreo.LocalCloud.CloudFormation.Deployment;

/// <summary>
/// Deploys a CloudFormation template into one account and region: evaluates parameters, rules and
/// conditions, creates resources in dependency order through their providers, skips (and lists) types with
/// no provider, resolves outputs and records the stack. A stack name deploys once per instance: there are
/// no updates or deletes, because providers only create.
/// </summary>
public sealed class StackDeployer(ResourceProviderRegistry providers, StackRegistry stacks, ILogger<StackDeployer>? logger = null)
{
    private readonly ILogger _logger = logger ?? NullLogger<StackDeployer>.Instance;

    /// <summary>Deploys a stack of a cloud assembly into <paramref name="target"/>, whatever its manifest environment says.</summary>
    public Task<DeployedStack> DeployAsync(AssemblyStack stack, AccountContext target, DeployOptions? options = null, CancellationToken cancellationToken = default)
    {
        JsonObject template;
        AssetManifest? assets;
        try
        {
            template = stack.LoadTemplate();
            assets = stack.LoadAssets();
        }
        catch (CloudAssemblyException e)
        {
            throw new StackDeploymentException($"Stack {stack.StackName} in {target.AccountId}/{target.Region}: {e.Message}", stack.StackName, null, null, [], e);
        }

        return DeployAsync(new StackDeployment(stack.StackName, template, target, stack.AssemblyDirectory, assets, options), cancellationToken);
    }

    public async Task<DeployedStack> DeployAsync(StackDeployment deployment, CancellationToken cancellationToken = default)
    {
        var run = new Run(deployment, providers, stacks, _logger);
        try
        {
            var deployed = await run.ExecuteAsync(cancellationToken);
            stacks.Add(deployed);
            return deployed;
        }
        catch (Exception e) when (e is TemplateException or AwsServiceException or ResourceFailure)
        {
            var failure = e as ResourceFailure;
            var cause = failure?.InnerException ?? e;
            var where = failure is null ? "" : $"resource {failure.LogicalId} ({failure.ResourceType}) failed: ";
            var created = run.CreatedResources.Count == 0
                ? "nothing was created"
                : $"created before the failure (not rolled back): {string.Join(", ", run.CreatedResources.Select(r => r.LogicalId))}";
            throw new StackDeploymentException(
                $"Stack {deployment.StackName} in {deployment.Target.AccountId}/{deployment.Target.Region}: {where}{cause.Message}; {created}",
                deployment.StackName,
                failure?.LogicalId,
                failure?.ResourceType,
                run.CreatedResources,
                cause);
        }
    }

    private sealed class ResourceFailure(string logicalId, string resourceType, Exception inner) : Exception(inner.Message, inner)
    {
        public string LogicalId { get; } = logicalId;

        public string ResourceType { get; } = resourceType;
    }

    /// <summary>One deploy from start to finish; kept apart so a failure can report what it created.</summary>
    private sealed class Run(StackDeployment deployment, ResourceProviderRegistry providers, StackRegistry stacks, ILogger logger)
    {
        private readonly List<DeployedResource> _created = [];

        public IReadOnlyList<DeployedResource> CreatedResources => _created;

        public async Task<DeployedStack> ExecuteAsync(CancellationToken cancellationToken)
        {
            var template = deployment.Template;
            var account = deployment.Target;
            var name = deployment.StackName;
            if (stacks.Contains(account, name))
            {
                throw StackRegistry.AlreadyExists(account, name);
            }

            if (template["Transform"] is { } transform)
            {
                throw new TemplateException($"Template transforms are not supported by local-cloud (Transform: {transform.ToJsonString()})");
            }

            var resources = template["Resources"] as JsonObject;
            if (resources is null || resources.Count == 0)
            {
                throw new TemplateException("Template format error: at least one Resources member must be defined");
            }

            var definitions = Definitions(resources);
            var parameters = TemplateParameters.Resolve(template["Parameters"] as JsonObject, deployment.Options ?? DeployOptions.Default);
            var evaluation = new StackEvaluation(name, account, template, parameters,
                definitions.ToDictionary(d => d.Key, d => d.Value.Type), stacks);
            var notes = new List<string>();
            CheckRules(template["Rules"] as JsonObject, evaluation, notes);

            var active = new List<string>();
            foreach (var (logicalId, definition) in definitions)
            {
                if (definition.Condition is { } condition && !evaluation.IsConditionTrue(condition, $"Resources.{logicalId}.Condition"))
                {
                    evaluation.Excluded(logicalId, condition);
                    continue;
                }

                active.Add(logicalId);
            }

            var order = ResourceOrder.Sort(active, Dependencies(active, definitions));
            var assets = new AssetLocator(deployment.Assets, deployment.AssemblyDirectory);
            var skipped = new List<(string LogicalId, string Type)>();
            foreach (var logicalId in order)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var definition = definitions[logicalId];
                var provider = providers.Find(definition.Type);
                if (provider is null)
                {
                    evaluation.Skipped(logicalId, definition.Type);
                    skipped.Add((logicalId, definition.Type));
                    continue;
                }

                DeployedResource resource;
                try
                {
                    var properties = evaluation.Resolver.Resolve(definition.Properties, $"Resources.{logicalId}.Properties") as JsonObject ?? [];
                    var metadata = Metadata(definition.Metadata);
                    if (assets.Locate(logicalId, properties, definition.Metadata) is { } asset)
                    {
                        metadata[LocalAsset.PathMetadataKey] = asset.Path;
                        metadata[LocalAsset.PackagingMetadataKey] = asset.Packaging;
                    }

                    var request = new ResourceRequest(account, name, logicalId, properties, deployment.AssemblyDirectory, metadata);
                    var provisioned = await provider.CreateAsync(request, cancellationToken);
                    resource = new DeployedResource(logicalId, definition.Type, provisioned.PhysicalId, provisioned.Attributes);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    throw new ResourceFailure(logicalId, definition.Type, e);
                }

                _created.Add(resource);
                evaluation.Created(resource);
            }

            var skippedTypes = skipped
                .GroupBy(s => s.Type)
                .Select(g => new SkippedResourceType(g.Key, g.Select(s => s.LogicalId).ToList()))
                .ToList();
            foreach (var type in skippedTypes)
            {
                logger.LogInformation("Stack {Stack}: skipped {Type} (no local-cloud provider): {LogicalIds}",
                    name, type.ResourceType, string.Join(", ", type.LogicalIds));
            }

            var outputs = Outputs(template["Outputs"] as JsonObject, evaluation);
            return new DeployedStack(name, evaluation.StackId, account, _created.ToList(), outputs, skippedTypes,
                evaluation.Placeholders.ToList(), notes);
        }

        private static Dictionary<string, ResourceDefinition> Definitions(JsonObject resources)
        {
            var definitions = new Dictionary<string, ResourceDefinition>(StringComparer.Ordinal);
            foreach (var (logicalId, node) in resources)
            {
                if (node is not JsonObject resource || Text(resource["Type"]) is not { } type)
                {
                    throw new TemplateException($"Template format error: resource {logicalId} has no Type");
                }

                var dependsOn = resource["DependsOn"] switch
                {
                    null => [],
                    JsonArray list => list.Select(Text).OfType<string>().ToList(),
                    var single => Text(single) is { } one ? [one] : new List<string>(),
                };
                definitions[logicalId] = new ResourceDefinition(
                    type, resource["Properties"], resource["Metadata"] as JsonObject, Text(resource["Condition"]), dependsOn);
            }

            foreach (var (logicalId, definition) in definitions)
            {
                var unknown = definition.DependsOn.Where(d => !definitions.ContainsKey(d)).ToList();
                if (unknown.Count > 0)
                {
                    throw new TemplateException(
                        $"Template format error: unresolved resource dependencies [{string.Join(", ", unknown)}] in DependsOn of resource {logicalId}");
                }
            }

            return definitions;
        }

        private static Dictionary<string, IReadOnlySet<string>> Dependencies(List<string> active, Dictionary<string, ResourceDefinition> definitions)
        {
            var activeSet = active.ToHashSet(StringComparer.Ordinal);
            return active.ToDictionary(
                id => id,
                id => (IReadOnlySet<string>)ReferenceScanner.ReferencedNames(definitions[id].Properties)
                    .Concat(definitions[id].DependsOn)
                    .Where(activeSet.Contains)
                    .ToHashSet(StringComparer.Ordinal));
        }

        // Rules only guard deploys (CDK's CheckBootstrapVersion); one using a function local-cloud cannot
        // evaluate is noted and skipped rather than failing a deploy AWS would accept.
        private static void CheckRules(JsonObject? rules, StackEvaluation evaluation, List<string> notes)
        {
            foreach (var (ruleName, rule) in rules ?? [])
            {
                var failed = new List<string>();
                try
                {
                    if (rule?["RuleCondition"] is { } condition && !evaluation.Conditions.EvaluateExpression(condition, $"Rules.{ruleName}.RuleCondition"))
                    {
                        continue;
                    }

                    var assertions = rule?["Assertions"] as JsonArray ?? [];
                    for (var i = 0; i < assertions.Count; i++)
                    {
                        if (!evaluation.Conditions.EvaluateExpression(assertions[i]?["Assert"], $"Rules.{ruleName}.Assertions[{i}].Assert"))
                        {
                            failed.Add(Text(assertions[i]?["AssertDescription"]) ?? $"assertion {i} is false");
                        }
                    }
                }
                catch (TemplateException e)
                {
                    notes.Add($"Rule {ruleName} not evaluated: {e.Message}");
                    continue;
                }

                if (failed.Count > 0)
                {
                    throw new TemplateException($"Rule {ruleName} failed: {string.Join("; ", failed)}");
                }
            }
        }

        private static Dictionary<string, StackOutput> Outputs(JsonObject? outputs, StackEvaluation evaluation)
        {
            var result = new Dictionary<string, StackOutput>(StringComparer.Ordinal);
            foreach (var (key, node) in outputs ?? [])
            {
                if (node is not JsonObject output)
                {
                    throw new TemplateException($"Template format error: output {key} must be an object");
                }

                if (Text(output["Condition"]) is { } condition && !evaluation.IsConditionTrue(condition, $"Outputs.{key}.Condition"))
                {
                    continue;
                }

                var value = evaluation.Resolver.ResolveString(output["Value"], $"Outputs.{key}.Value");
                var exportName = output["Export"]?["Name"] is { } exportNode
                    ? evaluation.Resolver.ResolveString(exportNode, $"Outputs.{key}.Export.Name")
                    : null;
                result[key] = new StackOutput(key, value, exportName, Text(output["Description"]));
            }

            return result;
        }

        private static Dictionary<string, JsonNode?> Metadata(JsonObject? metadata) =>
            (metadata ?? []).ToDictionary(p => p.Key, p => p.Value?.DeepClone(), StringComparer.Ordinal);

        private static string? Text(JsonNode? node) =>
            node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
    }
}
