using System.Text.Json.Nodes;
using Choreo.LocalCloud.CloudFormation.Resources;
using Choreo.LocalCloud.DynamoDb.Api;
using Choreo.LocalCloud.Hosting;

namespace Choreo.LocalCloud.DynamoDb.CloudFormation;

/// <summary>
/// <c>AWS::DynamoDB::Table</c>: the properties are CreateTable's members, so they go through the same validation.
/// Ref is the table name; GetAtt Arn. Time to live and streams, which local-cloud does not run, are refused.
/// </summary>
public sealed class TableProvider(TableOperations tables) : IResourceProvider
{
    // Settings with no effect on what an application reads or writes locally.
    private static readonly HashSet<string> Inert =
        ["Tags", "SSESpecification", "PointInTimeRecoverySpecification", "ContributorInsightsSpecification", "TableClass"];

    private static readonly HashSet<string> CreateTableMembers =
        ["TableName", "KeySchema", "AttributeDefinitions", "BillingMode", "ProvisionedThroughput", "GlobalSecondaryIndexes",
         "LocalSecondaryIndexes", "StreamSpecification", "DeletionProtectionEnabled"];

    public string ResourceType => "AWS::DynamoDB::Table";

    public Task<ProvisionedResource> CreateAsync(ResourceRequest request, CancellationToken cancellationToken)
    {
        var body = new JsonObject();
        foreach (var (name, value) in request.Properties)
        {
            if (CreateTableMembers.Contains(name))
            {
                body[name] = value?.DeepClone();
            }
            else if (name == "TimeToLiveSpecification" && value?["Enabled"] is JsonValue enabled
                && ((enabled.TryGetValue<bool>(out var on) && on) || (enabled.TryGetValue<string>(out var flag) && flag == "true")))
            {
                throw new AwsServiceException("ValidationError",
                    $"Resource {request.LogicalId}: DynamoDB time to live (TimeToLiveSpecification) is not supported by local-cloud.");
            }
            else if (!Inert.Contains(name) && name != "TimeToLiveSpecification")
            {
                throw new AwsServiceException("ValidationError",
                    $"Resource {request.LogicalId}: the AWS::DynamoDB::Table property {name} is not supported by local-cloud.");
            }
        }
        body["TableName"] ??= GeneratedPhysicalName.For(request, 255);
        if (body["DeletionProtectionEnabled"] is JsonValue protection && protection.TryGetValue<string>(out var text))
        {
            body["DeletionProtectionEnabled"] = text == "true";
        }
        NumbersFromStrings(body);
        var created = tables.CreateTable(body, request.Account)["TableDescription"]!;
        var tableName = created["TableName"]!.GetValue<string>();
        return Task.FromResult(new ProvisionedResource(tableName, new Dictionary<string, JsonNode?>
        {
            ["Arn"] = created["TableArn"]!.GetValue<string>(),
        }));
    }

    // Templates may carry capacity units as strings ("5"); CreateTable takes numbers.
    private static void NumbersFromStrings(JsonObject body)
    {
        var throughputs = new List<JsonObject?> { body["ProvisionedThroughput"] as JsonObject };
        throughputs.AddRange((body["GlobalSecondaryIndexes"] as JsonArray ?? []).Select(index => index?["ProvisionedThroughput"] as JsonObject));
        foreach (var throughput in throughputs.OfType<JsonObject>())
        {
            foreach (var member in new[] { "ReadCapacityUnits", "WriteCapacityUnits" })
            {
                if (throughput[member] is JsonValue value && value.TryGetValue<string>(out var units) && long.TryParse(units, out var number))
                {
                    throughput[member] = number;
                }
            }
        }
    }
}
