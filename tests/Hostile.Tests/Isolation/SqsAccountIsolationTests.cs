using System.Net;
using Amazon.SQS;
using Amazon.SQS.Model;

namespace Hostile.Tests.Isolation;

/// <summary>Another account reaches a queue only through the queue's policy, on every operation.</summary>
public sealed class SqsAccountIsolationTests(LocalCloudUnderAttack cloud) : IClassFixture<LocalCloudUnderAttack>
{
    private const string Owner = "222222222222";
    private const string Stranger = "333333333333";

    [Fact]
    public async Task A_stranger_cannot_send_receive_delete_or_read_attributes_without_a_queue_policy()
    {
        using var owner = AwsClients.Sqs(cloud.BaseUrl, Owner);
        using var stranger = AwsClients.Sqs(cloud.BaseUrl, Stranger);
        var url = (await owner.CreateQueueAsync("private-queue")).QueueUrl;
        await owner.SendMessageAsync(url, "secret");

        var denied = new List<AmazonSQSException>
        {
            await Assert.ThrowsAsync<AmazonSQSException>(() => stranger.SendMessageAsync(url, "spam")),
            await Assert.ThrowsAsync<AmazonSQSException>(() => stranger.ReceiveMessageAsync(url)),
            await Assert.ThrowsAsync<AmazonSQSException>(() => stranger.GetQueueAttributesAsync(url, ["All"])),
            await Assert.ThrowsAsync<AmazonSQSException>(() => stranger.DeleteMessageAsync(url, "any-handle")),
            await Assert.ThrowsAsync<AmazonSQSException>(() => stranger.SetQueueAttributesAsync(url, new() { ["Policy"] = "" })),
            await Assert.ThrowsAsync<AmazonSQSException>(() => stranger.GetQueueUrlAsync(new GetQueueUrlRequest
            {
                QueueName = "private-queue", QueueOwnerAWSAccountId = Owner,
            })),
        };

        Assert.All(denied, error =>
        {
            Assert.Equal("AccessDenied", error.ErrorCode);
            Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
            Assert.Equal($"Access to the resource {url} is denied.", error.Message);
        });
        var left = await owner.ReceiveMessageAsync(url);
        Assert.Equal("secret", Assert.Single(left.Messages).Body);
    }

    [Fact]
    public async Task A_queue_policy_lets_a_stranger_send_and_only_send()
    {
        using var owner = AwsClients.Sqs(cloud.BaseUrl, Owner);
        using var stranger = AwsClients.Sqs(cloud.BaseUrl, Stranger);
        var url = (await owner.CreateQueueAsync("shared-inbox")).QueueUrl;
        var policy = $$"""
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::{{Stranger}}:root"},
              "Action":"sqs:SendMessage","Resource":"arn:aws:sqs:us-east-1:{{Owner}}:shared-inbox"}]}
            """;
        await owner.SetQueueAttributesAsync(url, new() { ["Policy"] = policy });

        await stranger.SendMessageAsync(url, "hello from 333");
        var receive = await Assert.ThrowsAsync<AmazonSQSException>(() => stranger.ReceiveMessageAsync(url));

        Assert.Equal("AccessDenied", receive.ErrorCode);
        Assert.Equal("hello from 333", Assert.Single((await owner.ReceiveMessageAsync(url)).Messages).Body);
    }

    [Fact]
    public async Task An_explicit_deny_in_the_queue_policy_binds_the_owner_too()
    {
        using var owner = AwsClients.Sqs(cloud.BaseUrl, Owner);
        var url = (await owner.CreateQueueAsync("no-sending")).QueueUrl;
        await owner.SetQueueAttributesAsync(url, new()
        {
            ["Policy"] = """{"Statement":[{"Effect":"Deny","Principal":"*","Action":"sqs:SendMessage","Resource":"*"}]}""",
        });

        var error = await Assert.ThrowsAsync<AmazonSQSException>(() => owner.SendMessageAsync(url, "blocked"));

        Assert.Equal("AccessDenied", error.ErrorCode);
    }
}
