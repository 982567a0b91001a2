using System.Text.Json.Nodes;
using Choreo.LocalCloud.CloudFormation.Resources;
using Choreo.LocalCloud.EventBridge.Model;
using Choreo.LocalCloud.Hosting;

namespace Choreo.LocalCloud.EventBridge.CloudFormation;

/// <summary>
/// <c>AWS::Events::Rule</c>: a rule (named, or <c>{stack}-{logicalId}-{random}</c>) with its pattern, state and targets.
/// Ref is the name on the default bus and <c>{bus}|{name}</c> on a custom bus, as AWS returns; GetAtt Arn.
/// </summary>
public sealed class RuleProvider(EventBridgeService events) : IResourceProvider
{
    public string ResourceType => "AWS::Events::Rule";

    public Task<ProvisionedResource> CreateAsync(ResourceRequest request, CancellationToken cancellationToken)
    {
        var properties = request.Properties;
        if (properties["ScheduleExpression"] is not null)
        {
            throw new AwsServiceException("ValidationError", $"Resource {request.LogicalId}: scheduled rules (ScheduleExpression) are not supported by local-cloud.");
        }
        var pattern = properties["EventPattern"] switch
        {
            JsonValue text when text.TryGetValue<string>(out var raw) => raw,
            JsonNode node => node.ToJsonString(),
            null => throw new AwsServiceException("ValidationError", $"Resource {request.LogicalId}: EventPattern is required for AWS::Events::Rule."),
        };
        var busParameter = properties["EventBusName"]?.GetValue<string>();
        var (owner, busName) = EventBridgeArn.ResolveBus(busParameter, request.Account)
            ?? throw new AwsServiceException("ValidationError", $"Resource {request.LogicalId}: EventBusName '{busParameter}' is neither a bus name nor an event-bus ARN.");
        var name = properties["Name"]?.GetValue<string>() ?? GeneratedName(request);
        var state = properties["State"]?.GetValue<string>() ?? "ENABLED";
        var rule = events.PutRule(owner, busName, name, pattern, state != "DISABLED",
            properties["Description"]?.GetValue<string>(), properties["RoleArn"]?.GetValue<string>());
        var targets = (properties["Targets"] as JsonArray ?? []).Select(target => RuleTargetReader.Read(target as JsonObject ?? [])).ToList();
        if (targets.Count > 0)
        {
            events.PutTargets(owner, busName, name, targets);
        }
        var physicalId = busName == EventBridgeArn.DefaultBusName ? name : $"{busName}|{name}";
        return Task.FromResult(new ProvisionedResource(physicalId, new Dictionary<string, JsonNode?> { ["Arn"] = rule.Arn }));
    }

    // Rule names are at most 64 characters: CloudFormation trims the stem and keeps a random suffix.
    private static string GeneratedName(ResourceRequest request)
    {
        var suffix = Guid.NewGuid().ToString("N")[..12].ToUpperInvariant();
        var stem = $"{request.StackName}-{request.LogicalId}";
        return $"{(stem.Length > 64 - 13 ? stem[..(64 - 13)] : stem)}-{suffix}";
    }
}
