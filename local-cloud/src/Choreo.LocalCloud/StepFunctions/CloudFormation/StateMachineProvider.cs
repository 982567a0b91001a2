using System.Text.Json.Nodes;
using Choreo.LocalCloud.CloudFormation.Resources;
using Choreo.LocalCloud.Hosting;
using Choreo.LocalCloud.StepFunctions.Api;
using Choreo.LocalCloud.StepFunctions.Asl.Json;

namespace Choreo.LocalCloud.StepFunctions.CloudFormation;

/// <summary>
/// <c>AWS::StepFunctions::StateMachine</c>: DefinitionString or Definition (with DefinitionSubstitutions),
/// StateMachineName (else <c>{LogicalId}-{random}</c>), StateMachineType, RoleArn, logging and tracing.
/// Ref is the ARN; Fn::GetAtt supports Arn and Name.
/// </summary>
public sealed class StateMachineProvider(StepFunctionsService service) : IResourceProvider
{
    public string ResourceType => "AWS::StepFunctions::StateMachine";

    public Task<ProvisionedResource> CreateAsync(ResourceRequest request, CancellationToken cancellationToken)
    {
        var properties = request.Properties;
        string definition;
        if (JsonText.TryGetString(properties["DefinitionString"], out var text))
        {
            definition = text;
        }
        else if (properties["Definition"] is JsonObject obj)
        {
            definition = JsonText.Serialize(obj);
        }
        else
        {
            throw new AwsServiceException(
                "ValidationError", $"Resource {request.LogicalId} ({ResourceType}): one of DefinitionString or Definition is required");
        }

        if (properties["DefinitionSubstitutions"] is JsonObject substitutions)
        {
            foreach (var (key, value) in substitutions)
            {
                var replacement = JsonText.TryGetString(value, out var s) ? s : JsonText.Serialize(value);
                definition = definition.Replace("${" + key + "}", replacement, StringComparison.Ordinal);
            }
        }

        var name = JsonText.TryGetString(properties["StateMachineName"], out var given)
            ? given
            : $"{Truncate(request.LogicalId, 60)}-{Guid.NewGuid().ToString("N")[..12]}";
        var type = JsonText.TryGetString(properties["StateMachineType"], out var t) ? t : "STANDARD";
        var role = JsonText.TryGetString(properties["RoleArn"], out var r) ? r : $"arn:aws:iam::{request.Account.AccountId}:role/{request.LogicalId}";
        try
        {
            var machine = service.CreateStateMachine(
                request.Account, name, definition, role, type,
                properties["LoggingConfiguration"]?.DeepClone() as JsonObject,
                properties["TracingConfiguration"]?.DeepClone() as JsonObject);
            return Task.FromResult(new ProvisionedResource(machine.Arn, new Dictionary<string, JsonNode?>
            {
                ["Arn"] = machine.Arn,
                ["Name"] = machine.Name,
            }));
        }
        catch (AwsServiceException e)
        {
            throw new AwsServiceException(e.ErrorCode, $"Resource {request.LogicalId} ({ResourceType}) in stack {request.StackName}: {e.Message}", e.StatusCode);
        }
    }

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];
}
