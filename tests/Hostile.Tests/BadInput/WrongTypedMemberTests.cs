using System.Net;
using System.Text.Json.Nodes;

namespace Hostile.Tests.BadInput;

/// <summary>Members of the wrong JSON type or encoding are a 400 with a reason, never a 500.</summary>
public sealed class WrongTypedMemberTests(LocalCloudUnderAttack cloud) : IClassFixture<LocalCloudUnderAttack>
{
    private const string Account = "222222222222";

    [Theory]
    [InlineData("AmazonSQS.ListQueues", """{"MaxResults":"many"}""", "SerializationException")]
    [InlineData("AmazonSQS.ReceiveMessage", """{"QueueUrl":"QUEUE","MaxNumberOfMessages":"ten"}""", "SerializationException")]
    [InlineData("AmazonSQS.SendMessage", """{"QueueUrl":"QUEUE","MessageBody":"b","MessageAttributes":{"k":{"DataType":"Binary","BinaryValue":"%%%"}}}""", "InvalidParameterValue")]
    [InlineData("AWSEvents.ListRules", """{"Limit":"lots"}""", "SerializationException")]
    public async Task A_member_of_the_wrong_type_is_a_400(string target, string body, string errorType)
    {
        using var sqs = AwsClients.Sqs(cloud.BaseUrl, Account);
        var queueUrl = (await sqs.CreateQueueAsync("typed")).QueueUrl;
        using var http = new HttpClient();
        var signingName = target.StartsWith("AmazonSQS", StringComparison.Ordinal) ? "sqs" : "events";
        using var request = RawSignedRequest.Json(cloud.BaseUrl, signingName, target, body.Replace("QUEUE", queueUrl), Account);

        var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(errorType, JsonNode.Parse(await response.Content.ReadAsStringAsync())!["__type"]!.GetValue<string>());
    }
}
