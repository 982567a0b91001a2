using System.Text.Json.Nodes;
using Choreo.LocalCloud.Accounts;
using Choreo.LocalCloud.Hosting;

namespace LocalCloud.Tests.Hosting;

/// <summary>
/// A test-only awsJson service answering SQS's ListQueues with one queue URL naming the caller's account and
/// region, so AWSSDK.SQS (an awsJson 1.0 client) can drive the endpoint's JSON routing and signing.
/// </summary>
internal sealed class QueueListingService : IAwsJsonService
{
    public string TargetPrefix => "AmazonSQS";

    public string SigningName => "sqs";

    public Task<JsonNode> HandleAsync(string operation, JsonNode request, AccountContext caller, CancellationToken cancellationToken)
    {
        if (operation != "ListQueues")
        {
            throw new AwsServiceException("InvalidAction", $"The action {operation} is not valid for this endpoint.");
        }

        var prefix = request["QueueNamePrefix"]?.GetValue<string>() ?? "queue";
        JsonNode response = new JsonObject
        {
            ["QueueUrls"] = new JsonArray($"http://sqs.{caller.Region}.localhost/{caller.AccountId}/{prefix}"),
        };
        return Task.FromResult(response);
    }
}
