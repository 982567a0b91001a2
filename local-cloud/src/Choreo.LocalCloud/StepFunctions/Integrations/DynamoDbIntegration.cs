using System.Text.Json.Nodes;
using Choreo.LocalCloud.Hosting;
using Choreo.LocalCloud.Services;
using Choreo.LocalCloud.StepFunctions.Execution;

namespace Choreo.LocalCloud.StepFunctions.Integrations;

/// <summary>
/// DynamoDB from a Task, as the execution's account: the optimized <c>arn:aws:states:::dynamodb:putItem|getItem|updateItem|deleteItem</c>
/// (errors named <c>DynamoDB.*</c>) and the SDK integrations <c>arn:aws:states:::aws-sdk:dynamodb:&lt;action&gt;</c>
/// (errors named <c>DynamoDb.*</c>). Parameters are the API request; the result is the API response.
/// </summary>
public sealed class DynamoDbIntegration(IDynamoDbGateway dynamoDb) : ITaskIntegration
{
    private static readonly HashSet<string> OptimizedActions = ["putItem", "getItem", "updateItem", "deleteItem"];

    public bool Handles(TaskResource resource) =>
        (resource.Service == "dynamodb" && OptimizedActions.Contains(resource.Action)) || resource.Service == "aws-sdk:dynamodb";

    public async Task<JsonNode?> InvokeAsync(TaskCall call, CancellationToken cancellationToken)
    {
        var optimized = call.Resource.Service == "dynamodb";
        var prefix = optimized ? "DynamoDB" : "DynamoDb";
        if (call.Resource.Pattern != IntegrationPattern.RequestResponse)
        {
            throw new StatesFailure("States.Runtime",
                $"The resource '{call.Resource.Arn}' supports only the request-response pattern (no .sync or .waitForTaskToken).");
        }
        var action = call.Resource.Action;
        if (action.Length == 0)
        {
            throw new StatesFailure("States.Runtime", $"The resource '{call.Resource.Arn}' names no DynamoDB action.");
        }
        var operation = char.ToUpperInvariant(action[0]) + action[1..];
        var parameters = call.Parameters as JsonObject ?? [];
        try
        {
            return await dynamoDb.CallAsync(call.Account, operation, (JsonObject)parameters.DeepClone(), cancellationToken).ConfigureAwait(false);
        }
        catch (AwsServiceException e)
        {
            var code = e.ErrorCode[(e.ErrorCode.LastIndexOf('#') + 1)..];
            var name = code == "UnknownOperationException" && !optimized ? "DynamoDb.UnknownOperationException" : $"{prefix}.{code}";
            throw new StatesFailure(name,
                $"{e.Message} (Service: {(optimized ? "AmazonDynamoDBv2" : "DynamoDb")}, Status Code: {e.StatusCode}, Error Code: {code}, Request ID: {Guid.NewGuid()})");
        }
    }
}
