using System.Net;
using System.Text.Json.Nodes;

namespace Hostile.Tests.BadInput;

/// <summary>A PutEvents batch is validated whole before any entry is delivered; bad entries fail alone, never with a 5xx.</summary>
public sealed class PutEventsBatchTests(LocalCloudUnderAttack cloud) : IClassFixture<LocalCloudUnderAttack>
{
    private const string Account = "222222222222";

    [Fact]
    public async Task A_pathologically_nested_second_entry_fails_alone_and_the_first_is_delivered_once()
    {
        using var http = new HttpClient();
        using var sqs = AwsClients.Sqs(cloud.BaseUrl, Account);
        var queueUrl = (await sqs.CreateQueueAsync("nested-probe")).QueueUrl;
        // EventBridge writes to a queue only where the queue policy lets events.amazonaws.com send.
        await sqs.SetQueueAttributesAsync(queueUrl, new()
        {
            ["Policy"] = $$"""{"Statement":[{"Effect":"Allow","Principal":{"Service":"events.amazonaws.com"},"Action":"sqs:SendMessage","Resource":"arn:aws:sqs:us-east-1:{{Account}}:nested-probe"}]}""",
        });
        await Call(http, "PutRule", new JsonObject { ["Name"] = "probe-rule", ["EventPattern"] = """{"source":["probe"]}""" });
        await Call(http, "PutTargets", new JsonObject
        {
            ["Rule"] = "probe-rule",
            ["Targets"] = new JsonArray(new JsonObject { ["Id"] = "queue", ["Arn"] = $"arn:aws:sqs:us-east-1:{Account}:nested-probe" }),
        });
        // 64 levels parse on their own, but not inside the event envelope that adds one more.
        var nested = string.Concat(Enumerable.Repeat("{\"a\":", 64)) + "1" + new string('}', 64);

        var response = await Call(http, "PutEvents", new JsonObject
        {
            ["Entries"] = new JsonArray(
                new JsonObject { ["Source"] = "probe", ["DetailType"] = "first", ["Detail"] = """{"n":1}""" },
                new JsonObject { ["Source"] = "probe", ["DetailType"] = "second", ["Detail"] = nested }),
        });
        await cloud.Instance.EventBridge.WhenDeliveriesIdleAsync(CancellationToken.None);

        Assert.Equal(1, response["FailedEntryCount"]!.GetValue<int>());
        var entries = response["Entries"]!.AsArray();
        Assert.NotNull(entries[0]!["EventId"]);
        Assert.Equal("MalformedDetail", entries[1]!["ErrorCode"]!.GetValue<string>());
        var received = await sqs.ReceiveMessageAsync(new Amazon.SQS.Model.ReceiveMessageRequest { QueueUrl = queueUrl, MaxNumberOfMessages = 10 });
        Assert.Single(received.Messages);
    }

    [Fact]
    public async Task An_entry_with_a_resource_of_the_wrong_type_is_a_400_and_nothing_is_delivered()
    {
        using var http = new HttpClient();
        var before = cloud.Instance.EventBridge.Journal.Snapshot().Count;
        var body = new JsonObject
        {
            ["Entries"] = new JsonArray(
                new JsonObject { ["Source"] = "probe", ["DetailType"] = "ok", ["Detail"] = "{}" },
                new JsonObject { ["Source"] = "probe", ["DetailType"] = "bad", ["Detail"] = "{}", ["Resources"] = new JsonArray(42) }),
        };
        using var request = RawSignedRequest.Json(cloud.BaseUrl, "events", "AWSEvents.PutEvents", body.ToJsonString(), Account);

        var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("SerializationException", await response.Content.ReadAsStringAsync());
        Assert.Equal(before, cloud.Instance.EventBridge.Journal.Snapshot().Count);
    }

    private async Task<JsonNode> Call(HttpClient http, string operation, JsonObject body)
    {
        using var request = RawSignedRequest.Json(cloud.BaseUrl, "events", "AWSEvents." + operation, body.ToJsonString(), Account);
        var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{operation}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!;
    }
}
