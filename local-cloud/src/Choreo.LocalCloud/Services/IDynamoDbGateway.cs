using System.Text.Json.Nodes;
using Choreo.LocalCloud.Accounts;

namespace Choreo.LocalCloud.Services;

/// <summary>
/// Calls a DynamoDB API operation as an account (Step Functions' dynamodb integrations use it; the DynamoDB service
/// implements it). Requests and responses are the operation's wire JSON; errors are thrown as AWS errors.
/// </summary>
public interface IDynamoDbGateway
{
    Task<JsonNode> CallAsync(AccountContext caller, string operation, JsonObject request, CancellationToken cancellationToken);
}
