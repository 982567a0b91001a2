using System.Text.Json.Nodes;
using Choreo.LocalCloud.Accounts;
using Choreo.LocalCloud.DynamoDb.Expressions;
using Choreo.LocalCloud.DynamoDb.Model;
using Choreo.LocalCloud.DynamoDb.Storage;

namespace Choreo.LocalCloud.DynamoDb.Api;

/// <summary>
/// Query and Scan over a table or a global secondary index. A page stops after <c>Limit</c> items or once the items
/// read reach 1 MB (both counted before the filter, as in DynamoDB), and then carries a LastEvaluatedKey.
/// </summary>
public sealed class ReadOperations(DynamoDbTables tables)
{
    public const int MaxPageBytes = 1024 * 1024;

    public JsonObject Query(JsonObject body, AccountContext caller)
    {
        RequestFields.RefuseLegacy(body, ("KeyConditions", "KeyConditionExpression"), ("QueryFilter", "FilterExpression"),
            ("AttributesToGet", "ProjectionExpression"), ("ConditionalOperator", "FilterExpression"));
        var region = tables.For(caller);
        var plan = ReadPlan.Parse(body, region, isQuery: true);
        var keyText = RequestFields.Optional(body, "KeyConditionExpression")
            ?? throw DynamoDbErrors.Validation("Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.");
        var keyCondition = KeyCondition.From(ExpressionParser.ParseCondition(keyText, plan.Attributes, "KeyConditionExpression"), plan.Key);
        plan.Finish(body, keyCondition: true);

        var forward = RequestFields.Boolean(body, "ScanIndexForward") ?? true;
        var (low, high) = Bounds(keyCondition);
        if (plan.StartAfter is { } start)
        {
            if (!start.PartitionKey!.Equals(keyCondition.Partition))
            {
                throw DynamoDbErrors.Validation("The provided starting key is outside query boundaries based on provided conditions");
            }
            if (forward)
            {
                low = Later(low, start);
            }
            else
            {
                high = Earlier(high, plan.StartBefore!);
            }
        }
        return plan.Run(region, low, high, forward, keyCondition.SortOperator == "begins_with" ? keyCondition : null, segment: null);
    }

    public JsonObject Scan(JsonObject body, AccountContext caller)
    {
        RequestFields.RefuseLegacy(body, ("ScanFilter", "FilterExpression"), ("AttributesToGet", "ProjectionExpression"),
            ("ConditionalOperator", "FilterExpression"));
        var region = tables.For(caller);
        var plan = ReadPlan.Parse(body, region, isQuery: false);
        plan.Finish(body, keyCondition: false);
        var segment = RequestFields.Integer(body, "Segment");
        var totalSegments = RequestFields.Integer(body, "TotalSegments");
        if (segment is not null || totalSegments is not null)
        {
            if (totalSegments is null)
            {
                throw DynamoDbErrors.Validation("The TotalSegments parameter is required but was not present in the request when Segment parameter is present");
            }
            if (segment is null)
            {
                throw DynamoDbErrors.Validation("The Segment parameter is required but was not present in the request when parameter TotalSegments is present");
            }
            if (totalSegments is < 1 or > 1_000_000)
            {
                throw DynamoDbErrors.Validation(
                    $"1 validation error detected: Value '{totalSegments}' at 'totalSegments' failed to satisfy constraint: Member must have value {(totalSegments < 1 ? "greater than or equal to 1" : "less than or equal to 1000000")}");
            }
            if (segment < 0 || segment >= totalSegments)
            {
                throw DynamoDbErrors.Validation(
                    $"The Segment parameter is zero-based and must be less than parameter TotalSegments: Segment: {segment} is not less than TotalSegments: {totalSegments}");
            }
        }
        KeyedEntry low = StoredItem.Probe(null, null, -1);
        KeyedEntry high = StoredItem.Probe(null, null, 1);
        if (plan.StartAfter is { } start)
        {
            low = start;
        }
        return plan.Run(region, low, high, forward: true, prefix: null, segment is null ? null : (segment.Value, totalSegments!.Value));
    }

    private static (KeyedEntry Low, KeyedEntry High) Bounds(KeyCondition condition)
    {
        var partition = condition.Partition;
        KeyedEntry before = StoredItem.Probe(partition, null, -1);
        KeyedEntry after = StoredItem.Probe(partition, null, 1);
        return condition.SortOperator switch
        {
            "=" => (StoredItem.Probe(partition, condition.SortLow, -1), StoredItem.Probe(partition, condition.SortLow, 1)),
            "<" => (before, StoredItem.Probe(partition, condition.SortLow, -1)),
            "<=" => (before, StoredItem.Probe(partition, condition.SortLow, 1)),
            ">" => (StoredItem.Probe(partition, condition.SortLow, 1), after),
            ">=" or "begins_with" => (StoredItem.Probe(partition, condition.SortLow, -1), after),
            "BETWEEN" => (StoredItem.Probe(partition, condition.SortLow, -1), StoredItem.Probe(partition, condition.SortHigh, 1)),
            _ => (before, after),
        };
    }

    private static KeyedEntry Later(KeyedEntry a, KeyedEntry b) => KeyOrder.Instance.Compare(a, b) >= 0 ? a : b;

    private static KeyedEntry Earlier(KeyedEntry a, KeyedEntry b) => KeyOrder.Instance.Compare(a, b) <= 0 ? a : b;
}
