using System.Net;
using System.Text.Json.Nodes;

namespace Hostile.Tests.Isolation;

/// <summary>The credential scope's region names folders and ARNs, so only real AWS regions get in.</summary>
public sealed class RegionScopeTests(LocalCloudUnderAttack cloud) : IClassFixture<LocalCloudUnderAttack>
{
    private const string Victim = "222222222222";
    private const string Attacker = "333333333333";

    [Fact]
    public async Task A_dot_dot_region_cannot_reach_another_accounts_s3_folder()
    {
        using var http = new HttpClient();
        using var victimBucket = RawSignedRequest.S3(HttpMethod.Put, cloud.BaseUrl, "/victim-data", Victim);
        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(victimBucket)).StatusCode);
        using var victimObject = RawSignedRequest.S3(HttpMethod.Put, cloud.BaseUrl, "/victim-data/precious.txt", Victim, body: "keep me"u8.ToArray());
        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(victimObject)).StatusCode);

        // Signing for region ".." with a bucket named after the victim's account once resolved to {root}/s3/{victim}.
        using var create = RawSignedRequest.S3(HttpMethod.Put, cloud.BaseUrl, "/" + Victim, Attacker, region: "..");
        var created = await http.SendAsync(create);
        using var delete = RawSignedRequest.S3(HttpMethod.Delete, cloud.BaseUrl, "/" + Victim, Attacker, region: "..");
        await http.SendAsync(delete);

        Assert.Equal(HttpStatusCode.BadRequest, created.StatusCode);
        Assert.Contains("<Code>AuthorizationHeaderMalformed</Code>", await created.Content.ReadAsStringAsync());
        Assert.Contains("the region '..' is wrong", await created.Content.ReadAsStringAsync());
        Assert.True(Directory.Exists(Path.Combine(cloud.StateDirectory, "s3", Victim, "us-east-1", "victim-data")));
        using var read = RawSignedRequest.S3(HttpMethod.Get, cloud.BaseUrl, "/victim-data/precious.txt", Victim);
        Assert.Equal("keep me", await (await http.SendAsync(read)).Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("..")]
    [InlineData("us-east-1/../..")]
    [InlineData("moon-base-1")]
    [InlineData("US-EAST-1")]
    public async Task An_unknown_region_is_refused_by_s3_as_aws_refuses_it(string region)
    {
        using var http = new HttpClient();
        using var request = RawSignedRequest.S3(HttpMethod.Get, cloud.BaseUrl, "/", Victim, region: region);

        var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("<Code>AuthorizationHeaderMalformed</Code>", body);
    }

    [Theory]
    [InlineData("events", "AWSEvents.ListEventBuses")]
    [InlineData("sqs", "AmazonSQS.ListQueues")]
    [InlineData("states", "AWSStepFunctions.ListStateMachines")]
    public async Task An_unknown_region_is_refused_by_the_json_services_with_aws_text(string signingName, string target)
    {
        using var http = new HttpClient();
        using var request = RawSignedRequest.Json(cloud.BaseUrl, signingName, target, "{}", Victim, region: "..");

        var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("InvalidSignatureException", error["__type"]!.GetValue<string>());
        Assert.Equal("Credential should be scoped to a valid region, not '..'. ", error["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_real_region_other_than_us_east_1_works()
    {
        using var http = new HttpClient();
        using var request = RawSignedRequest.Json(cloud.BaseUrl, "sqs", "AmazonSQS.ListQueues", "{}", Victim, region: "eu-west-1");

        var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
