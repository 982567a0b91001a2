using System.Text.Json.Nodes;
using Choreo.LocalCloud.CloudFormation.Resources;

namespace LocalCloud.Tests.CloudFormation;

/// <summary>A fake provider that records each request; Ref is "{type-name}-{logicalId}", GetAtt Arn an ARN.</summary>
internal sealed class RecordingProvider(string resourceType, Func<ResourceRequest, Exception?>? fail = null) : IResourceProvider
{
    public List<ResourceRequest> Requests { get; } = [];

    public string ResourceType => resourceType;

    public Task<ProvisionedResource> CreateAsync(ResourceRequest request, CancellationToken cancellationToken)
    {
        if (fail?.Invoke(request) is { } error)
        {
            throw error;
        }

        Requests.Add(request);
        var physicalId = $"{resourceType.Split("::").Last().ToLowerInvariant()}-{request.LogicalId}";
        return Task.FromResult(new ProvisionedResource(physicalId, new Dictionary<string, JsonNode?>
        {
            ["Arn"] = $"arn:aws:test:{request.Account.Region}:{request.Account.AccountId}:{physicalId}",
            ["Name"] = physicalId,
        }));
    }

    public JsonObject PropertiesOf(string logicalId) => Requests.Single(r => r.LogicalId == logicalId).Properties;
}
