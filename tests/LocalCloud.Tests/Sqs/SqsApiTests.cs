using System.Text.Json.Nodes;
using Choreo.LocalCloud.Accounts;
using Choreo.LocalCloud.Hosting;
using Choreo.LocalCloud.Sqs;
using Choreo.LocalCloud.Sqs.Api;
using LocalCloud.Tests.EventBridge;

namespace LocalCloud.Tests.Sqs;

public sealed class SqsApiTests
{
    private static readonly AccountContext Account = new("222222222222", "us-east-1");

    private static (SqsApi Api, ManualClock Clock) NewApi()
    {
        var clock = new ManualClock(DateTimeOffset.UnixEpoch);
        return (new SqsApi(new SqsQueues(clock, () => new Uri("http://localhost:4566"))), clock);
    }

    private static Task<JsonNode> Call(SqsApi api, string operation, JsonObject request) => api.HandleAsync(operation, request, Account, CancellationToken.None);

    [Fact]
    public async Task Sent_messages_are_received_with_the_md5s_the_sdk_checks_hidden_while_in_flight_and_deleted()
    {
        var (api, clock) = NewApi();
        var url = (await Call(api, "CreateQueue", new() { ["QueueName"] = "q" }))["QueueUrl"]!.GetValue<string>();
        Assert.Equal("http://localhost:4566/222222222222/q", url);

        var sent = await Call(api, "SendMessage", new()
        {
            ["QueueUrl"] = url, ["MessageBody"] = "hello",
            ["MessageAttributes"] = new JsonObject { ["k"] = new JsonObject { ["DataType"] = "String", ["StringValue"] = "v" } },
        });
        Assert.Equal("5d41402abc4b2a76b9719d911017c592", sent["MD5OfMessageBody"]!.GetValue<string>());
        Assert.NotNull(sent["MD5OfMessageAttributes"]);

        var received = await Call(api, "ReceiveMessage", new() { ["QueueUrl"] = url, ["VisibilityTimeout"] = 30, ["MessageAttributeNames"] = new JsonArray("k") });
        var message = Assert.Single(received["Messages"]!.AsArray())!;
        Assert.Equal("hello", message["Body"]!.GetValue<string>());
        Assert.Equal(sent["MD5OfMessageAttributes"]!.GetValue<string>(), message["MD5OfMessageAttributes"]!.GetValue<string>());
        Assert.Empty((await Call(api, "ReceiveMessage", new() { ["QueueUrl"] = url }))["Messages"]!.AsArray());

        var attributes = (await Call(api, "GetQueueAttributes", new() { ["QueueUrl"] = url, ["AttributeNames"] = new JsonArray("All") }))["Attributes"]!;
        Assert.Equal("0", attributes["ApproximateNumberOfMessages"]!.GetValue<string>());
        Assert.Equal("1", attributes["ApproximateNumberOfMessagesNotVisible"]!.GetValue<string>());
        Assert.Equal("arn:aws:sqs:us-east-1:222222222222:q", attributes["QueueArn"]!.GetValue<string>());

        await clock.DelayAsync(TimeSpan.FromSeconds(31), CancellationToken.None);
        var again = Assert.Single((await Call(api, "ReceiveMessage", new() { ["QueueUrl"] = url }))["Messages"]!.AsArray())!;
        await Call(api, "DeleteMessage", new() { ["QueueUrl"] = url, ["ReceiptHandle"] = again["ReceiptHandle"]!.GetValue<string>() });
        var after = (await Call(api, "GetQueueAttributes", new() { ["QueueUrl"] = url, ["AttributeNames"] = new JsonArray("ApproximateNumberOfMessages") }))["Attributes"]!;
        Assert.Equal("0", after["ApproximateNumberOfMessages"]!.GetValue<string>());
    }

    [Fact]
    public async Task Unknown_queues_fail_with_queue_does_not_exist()
    {
        var (api, _) = NewApi();
        var error = await Assert.ThrowsAsync<AwsServiceException>(() => Call(api, "GetQueueUrl", new() { ["QueueName"] = "nope" }));
        Assert.Equal("QueueDoesNotExist", error.ErrorCode);
        Assert.Equal("The specified queue does not exist.", error.Message);
    }
}
