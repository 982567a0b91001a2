using System.Text.Json.Nodes;
using Choreo.LocalCloud.Accounts;
using Choreo.LocalCloud.DynamoDb.Model;
using Choreo.LocalCloud.DynamoDb.Storage;
using Choreo.LocalCloud.Hosting;
using Choreo.LocalCloud.Services;
using Choreo.LocalCloud.Time;

namespace Choreo.LocalCloud.DynamoDb.Api;

/// <summary>
/// DynamoDB in AWS JSON 1.0 (<c>X-Amz-Target: DynamoDB_20120810.*</c>): tables, items, Query and Scan, batches and
/// transactions, per account and region. Also the <see cref="IDynamoDbGateway"/> Step Functions calls.
/// </summary>
public sealed class DynamoDbApi : IAwsJsonService, IDynamoDbGateway
{
    private readonly TableOperations _tables;
    private readonly ItemOperations _items;
    private readonly ReadOperations _reads;
    private readonly BatchOperations _batches;
    private readonly TransactionOperations _transactions;

    public DynamoDbApi(DynamoDbTables tables, IClock clock)
    {
        Tables = tables;
        _tables = new TableOperations(tables, clock);
        _items = new ItemOperations(tables);
        _reads = new ReadOperations(tables);
        _batches = new BatchOperations(tables);
        _transactions = new TransactionOperations(tables);
    }

    public DynamoDbTables Tables { get; }

    public string TargetPrefix => "DynamoDB_20120810";

    public string SigningName => "dynamodb";

    public Task<JsonNode> HandleAsync(string operation, JsonNode request, AccountContext caller, CancellationToken cancellationToken) =>
        CallAsync(caller, operation, request as JsonObject ?? [], cancellationToken);

    public Task<JsonNode> CallAsync(AccountContext caller, string operation, JsonObject request, CancellationToken cancellationToken)
    {
        if (RequestFields.Optional(request, "ReturnConsumedCapacity") is { } capacity && capacity != "NONE")
        {
            throw DynamoDbErrors.Validation(
                $"local-cloud's DynamoDB does not report consumed capacity (ReturnConsumedCapacity {capacity}); omit it or pass NONE");
        }
        JsonNode response = operation switch
        {
            "CreateTable" => _tables.CreateTable(request, caller),
            "DescribeTable" => _tables.DescribeTable(request, caller),
            "DeleteTable" => _tables.DeleteTable(request, caller),
            "ListTables" => _tables.ListTables(request, caller),
            "PutItem" => _items.PutItem(request, caller),
            "GetItem" => _items.GetItem(request, caller),
            "UpdateItem" => _items.UpdateItem(request, caller),
            "DeleteItem" => _items.DeleteItem(request, caller),
            "Query" => _reads.Query(request, caller),
            "Scan" => _reads.Scan(request, caller),
            "BatchGetItem" => _batches.BatchGetItem(request, caller),
            "BatchWriteItem" => _batches.BatchWriteItem(request, caller),
            "TransactWriteItems" => _transactions.TransactWriteItems(request, caller),
            "TransactGetItems" => _transactions.TransactGetItems(request, caller),
            _ => throw DynamoDbErrors.UnknownOperation(operation),
        };
        return Task.FromResult(response);
    }
}
