using System.Net;
using System.Text;
using Amazon.S3;
using Amazon.S3.Model;
using Amazon.SQS;
using Amazon.SQS.Model;

namespace Hostile.Tests.BadInput;

/// <summary>Policies are validated when they are put; a policy that was stored never makes a service fail.</summary>
public sealed class MalformedPolicyTests(LocalCloudUnderAttack cloud) : IClassFixture<LocalCloudUnderAttack>
{
    private const string Account = "222222222222";

    [Theory]
    [InlineData("""{"Statement":"notalist"}""", "Statement must be a statement object or a list of statement objects")]
    [InlineData("""["not","an","object"]""", "Policies must be valid JSON and the first byte must be '{'")]
    [InlineData("""{"Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject"}]}""", "Missing required field Resource")]
    [InlineData("""{"Statement":[{"Effect":"Maybe","Principal":"*","Action":"s3:GetObject","Resource":"*"}]}""", "Invalid effect: Maybe")]
    [InlineData("""{"Statement":[{"Effect":"Allow","Principal":{"AWS":"nobody"},"Action":"s3:GetObject","Resource":"*"}]}""", "Invalid principal in policy")]
    [InlineData("""{"Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::someone-elses-bucket/*"}]}""", "Policy has invalid resource")]
    [InlineData("""{"Statement":[{"Effect":"Allow","Principal":"*","Action":["s3:GetObject",7],"Resource":"*"}]}""", "Policy has invalid action")]
    public async Task S3_refuses_a_malformed_bucket_policy_and_the_bucket_keeps_working(string policy, string reason)
    {
        using var s3 = AwsClients.S3(cloud.BaseUrl, Account);
        var bucket = "policy-" + Guid.NewGuid().ToString("N")[..12];
        await s3.PutBucketAsync(bucket);

        var error = await Assert.ThrowsAsync<AmazonS3Exception>(() => s3.PutBucketPolicyAsync(bucket, policy));

        Assert.Equal("MalformedPolicy", error.ErrorCode);
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal(reason, error.Message);
        await s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "still-works", ContentBody = "yes" });
    }

    [Fact]
    public async Task A_policy_stored_before_validation_never_makes_s3_fail()
    {
        using var s3 = AwsClients.S3(cloud.BaseUrl, Account);
        var bucket = "legacy-" + Guid.NewGuid().ToString("N")[..12];
        await s3.PutBucketAsync(bucket);
        cloud.Instance.ObjectStore.SetBucketPolicy(bucket, """{"Statement":"notalist"}""");

        await s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "k", ContentBody = "v" });
        using var read = await s3.GetObjectAsync(bucket, "k");

        Assert.Equal(HttpStatusCode.OK, read.HttpStatusCode);
    }

    [Fact]
    public async Task The_bucket_owner_can_always_manage_the_policy_even_under_deny_all()
    {
        using var s3 = AwsClients.S3(cloud.BaseUrl, Account);
        var bucket = "deny-all-" + Guid.NewGuid().ToString("N")[..12];
        await s3.PutBucketAsync(bucket);
        var denyAll = $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":["arn:aws:s3:::{{bucket}}","arn:aws:s3:::{{bucket}}/*"]}]}""";
        await s3.PutBucketPolicyAsync(bucket, denyAll);

        var denied = await Assert.ThrowsAsync<AmazonS3Exception>(() => s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "k", ContentBody = "v" }));
        var read = await s3.GetBucketPolicyAsync(bucket);
        await s3.DeleteBucketPolicyAsync(bucket);
        await s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "k", ContentBody = "v" });

        Assert.Equal("AccessDenied", denied.ErrorCode);
        Assert.Equal(denyAll, read.Policy);
    }

    [Fact]
    public async Task A_stranger_still_cannot_manage_someone_elses_bucket_policy()
    {
        using var s3 = AwsClients.S3(cloud.BaseUrl, Account);
        using var stranger = AwsClients.S3(cloud.BaseUrl, "333333333333");
        var bucket = "owned-" + Guid.NewGuid().ToString("N")[..12];
        await s3.PutBucketAsync(bucket);

        var error = await Assert.ThrowsAsync<AmazonS3Exception>(() => stranger.DeleteBucketPolicyAsync(bucket));

        Assert.Equal("AccessDenied", error.ErrorCode);
    }

    [Fact]
    public async Task Sqs_refuses_a_malformed_queue_policy_with_InvalidAttributeValue()
    {
        using var sqs = AwsClients.Sqs(cloud.BaseUrl, Account);
        var url = (await sqs.CreateQueueAsync("policy-checked")).QueueUrl;

        var set = await Assert.ThrowsAnyAsync<AmazonSQSException>(() => sqs.SetQueueAttributesAsync(url, new() { ["Policy"] = """{"Statement":"notalist"}""" }));
        var create = await Assert.ThrowsAnyAsync<AmazonSQSException>(() => sqs.CreateQueueAsync(new CreateQueueRequest
        {
            QueueName = "born-bad", Attributes = new() { ["Policy"] = "{not json" },
        }));

        Assert.Equal("InvalidAttributeValue", set.ErrorCode);
        Assert.StartsWith("Invalid value for the parameter Policy.", set.Message);
        Assert.Equal("InvalidAttributeValue", create.ErrorCode);
        await sqs.SendMessageAsync(url, "queue still works");
    }

    [Theory]
    [InlineData("{not json", "it must be a JSON policy document")]
    [InlineData("""{"Statement":"notalist"}""", "Statement must be a statement object or a list of statement objects")]
    [InlineData("""{"Statement":[{"Effect":"Allow","Principal":{"AWS":"333333333333"}}]}""", "Missing required field Action")]
    public async Task EventBridge_refuses_a_malformed_bus_policy_with_a_validation_error(string policy, string reason)
    {
        using var http = new HttpClient();
        var body = new System.Text.Json.Nodes.JsonObject { ["Policy"] = policy }.ToJsonString();
        using var request = RawSignedRequest.Json(cloud.BaseUrl, "events", "AWSEvents.PutPermission", body, Account);

        var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("ValidationException", text);
        Assert.Contains(reason, text);
        Assert.DoesNotContain("Exception:", Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(text)));
    }
}
