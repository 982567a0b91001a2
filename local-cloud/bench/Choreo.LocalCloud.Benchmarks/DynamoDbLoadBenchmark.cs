using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Choreo.LocalCloud.Accounts;
using Choreo.LocalCloud.DynamoDb.Api;
using Choreo.LocalCloud.DynamoDb.Storage;
using Choreo.LocalCloud.Time;

namespace Choreo.LocalCloud.Benchmarks;

/// <summary>
/// What a migration does to local-cloud's DynamoDB: load N small items (~110 bytes, like a migrated person record)
/// with BatchWriteItem in batches of 25, then read them all back with paged Scans, then Query one partition. Calls go
/// through the API's JSON (no HTTP), so the figures are the service's own cost. Reports the managed heap the table
/// keeps after a full collection, and the peak working set.
/// </summary>
public static class DynamoDbLoadBenchmark
{
    public static async Task<int> RunAsync(int items)
    {
        var account = new AccountContext("333333333333", "us-east-1");
        var api = new DynamoDbApi(new DynamoDbTables(), new SystemClock());
        await api.CallAsync(account, "CreateTable", JsonNode.Parse("""
            {"TableName":"people","BillingMode":"PAY_PER_REQUEST",
             "AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"},{"AttributeName":"sk","AttributeType":"S"}],
             "KeySchema":[{"AttributeName":"pk","KeyType":"HASH"},{"AttributeName":"sk","KeyType":"RANGE"}]}
            """)!.AsObject(), CancellationToken.None);
        PeakWorkingSet.Reset();
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);

        var load = Stopwatch.StartNew();
        for (var start = 0; start < items; start += 25)
        {
            var writes = new JsonArray();
            for (var i = start; i < Math.Min(items, start + 25); i++)
            {
                writes.Add(new JsonObject
                {
                    ["PutRequest"] = new JsonObject
                    {
                        ["Item"] = new JsonObject
                        {
                            ["pk"] = new JsonObject { ["S"] = $"group#{i / 100:000000}" },
                            ["sk"] = new JsonObject { ["S"] = $"person#{i:0000000}" },
                            ["name"] = new JsonObject { ["S"] = $"Person {i}" },
                            ["email"] = new JsonObject { ["S"] = $"person{i}@example.com" },
                            ["cookies"] = new JsonObject { ["N"] = (i % 97).ToString(CultureInfo.InvariantCulture) },
                        },
                    },
                });
            }
            await api.CallAsync(account, "BatchWriteItem", new JsonObject { ["RequestItems"] = new JsonObject { ["people"] = writes } }, CancellationToken.None);
        }
        load.Stop();
        var heapAfter = GC.GetTotalMemory(forceFullCollection: true);

        var scan = Stopwatch.StartNew();
        var scanned = 0L;
        var pages = 0;
        JsonNode? startKey = null;
        do
        {
            var request = new JsonObject { ["TableName"] = "people" };
            if (startKey is not null)
            {
                request["ExclusiveStartKey"] = startKey.DeepClone();
            }
            var page = await api.CallAsync(account, "Scan", request, CancellationToken.None);
            scanned += page["Count"]!.GetValue<int>();
            pages++;
            startKey = page["LastEvaluatedKey"];
        }
        while (startKey is not null);
        scan.Stop();
        if (scanned != items)
        {
            Console.Error.WriteLine($"Scan read {scanned} items, expected {items}");
            return 1;
        }

        var query = Stopwatch.StartNew();
        var queried = await api.CallAsync(account, "Query", JsonNode.Parse("""
            {"TableName":"people","KeyConditionExpression":"pk = :g AND begins_with(sk, :p)",
             "ExpressionAttributeValues":{":g":{"S":"group#000042"},":p":{"S":"person#00042"}}}
            """)!.AsObject(), CancellationToken.None);
        query.Stop();

        Console.WriteLine($"dynamodb load: {items:N0} items in {load.Elapsed.TotalSeconds:F2} s ({items / load.Elapsed.TotalSeconds:N0} items/s, BatchWriteItem x25)");
        Console.WriteLine($"dynamodb heap kept by the table: {(heapAfter - heapBefore) / (1024.0 * 1024):F0} MB ({(double)(heapAfter - heapBefore) / items:F0} bytes/item)");
        Console.WriteLine($"dynamodb scan: {scanned:N0} items in {pages} pages of <= 1 MB, {scan.Elapsed.TotalSeconds:F2} s ({scanned / scan.Elapsed.TotalSeconds:N0} items/s)");
        Console.WriteLine($"dynamodb query: {queried["Count"]} items of one partition in {query.Elapsed.TotalMilliseconds:F1} ms");
        Console.WriteLine($"dynamodb peak working set: {PeakWorkingSet.Megabytes():F0} MB");
        return 0;
    }
}
