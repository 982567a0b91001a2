using System.Text.Json.Nodes;
using Choreo.LocalCloud.CloudFormation.Resources;
using Choreo.LocalCloud.Lambda.Model;
using Choreo.LocalCloud.Lambda.Runtimes;
using Choreo.LocalCloud.Time;

namespace Choreo.LocalCloud.Lambda.CloudFormation;

/// <summary>
/// <c>AWS::Lambda::Function</c>: registers the function with its handler, environment, limits and the local
/// directory of its code asset. Ref is the function name; <c>Arn</c> its ARN. A runtime past its AWS
/// block-create date (<see cref="RuntimeLifecycleTable"/>) fails the resource with Lambda's error.
/// </summary>
public sealed class FunctionProvider(FunctionRegistry functions, IClock clock) : IResourceProvider
{
    public string ResourceType => "AWS::Lambda::Function";

    public Task<ProvisionedResource> CreateAsync(ResourceRequest request, CancellationToken cancellationToken)
    {
        var properties = request.Properties;
        var runtime = ResourceProperties.Text(properties, "Runtime") ?? "provided.al2023";
        // Refused before anything is created, as Lambda refuses CreateFunction for a runtime past its block-create date.
        RuntimeLifecycleTable.EnsureCreatable(runtime, clock.UtcNow);
        var name = ResourceProperties.Text(properties, "FunctionName") ?? GeneratedPhysicalName.For(request, maxLength: 64);
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        if (properties["Environment"]?["Variables"] is JsonObject variables)
        {
            foreach (var (key, value) in variables)
            {
                environment[key] = value?.ToString() ?? string.Empty;
            }
        }
        var asset = LocalAsset.From(request);
        var function = new LambdaFunction(
            request.Account,
            name,
            ResourceProperties.Text(properties, "Handler") ?? string.Empty,
            runtime,
            asset?.Path,
            environment,
            TimeSpan.FromSeconds(ResourceProperties.Number(properties, "Timeout", request.LogicalId) ?? 3),
            ResourceProperties.Number(properties, "MemorySize", request.LogicalId) ?? 128);
        functions.Put(function);
        return Task.FromResult(new ProvisionedResource(name, new Dictionary<string, JsonNode?>
        {
            ["Arn"] = function.Arn,
            ["SnapStartResponse"] = null,
        }));
    }
}
