using System.Text.Json.Nodes;
using Choreo.LocalCloud.CloudFormation.Resources;
using Choreo.LocalCloud.Lambda.Model;

namespace Choreo.LocalCloud.Lambda.CloudFormation;

/// <summary><c>AWS::Lambda::EventInvokeConfig</c>: a function's retries, maximum event age and destinations.</summary>
public sealed class EventInvokeConfigProvider(FunctionRegistry functions) : IResourceProvider
{
    public string ResourceType => "AWS::Lambda::EventInvokeConfig";

    public Task<ProvisionedResource> CreateAsync(ResourceRequest request, CancellationToken cancellationToken)
    {
        var properties = request.Properties;
        var function = functions.Find(request.Account.AccountId, request.Account.Region,
            ResourceProperties.RequiredText(properties, "FunctionName", request.LogicalId));
        var retries = ResourceProperties.Number(properties, "MaximumRetryAttempts", request.LogicalId) ?? 2;
        var age = ResourceProperties.Number(properties, "MaximumEventAgeInSeconds", request.LogicalId) ?? 21_600;
        if (retries is < 0 or > 2 || age is < 60 or > 21_600)
        {
            throw new InvalidOperationException($"{request.LogicalId}: MaximumRetryAttempts must be 0-2 and MaximumEventAgeInSeconds 60-21600 (got {retries}, {age}).");
        }
        var destinations = properties["DestinationConfig"] as JsonObject;
        functions.Configure(function.Arn, new AsyncInvokeSettings(
            retries,
            age,
            destinations?["OnFailure"]?["Destination"]?.ToString(),
            destinations?["OnSuccess"]?["Destination"]?.ToString()));
        return Task.FromResult(new ProvisionedResource($"{function.Name}:{ResourceProperties.Text(properties, "Qualifier") ?? "$LATEST"}", new Dictionary<string, JsonNode?>()));
    }
}
