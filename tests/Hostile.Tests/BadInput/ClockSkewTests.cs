using System.Net;
using System.Text.Json.Nodes;

namespace Hostile.Tests.BadInput;

/// <summary>AWS refuses a header-signed request dated more than 15 minutes from its clock; so does local-cloud.</summary>
public sealed class ClockSkewTests(LocalCloudUnderAttack cloud) : IClassFixture<LocalCloudUnderAttack>
{
    [Theory]
    [InlineData(-20)]
    [InlineData(20)]
    [InlineData(-60 * 24 * 3)]
    public async Task S3_answers_RequestTimeTooSkewed_beyond_15_minutes(int minutes)
    {
        using var http = new HttpClient();
        var signedAt = TimeProvider.System.GetUtcNow().AddMinutes(minutes);
        using var request = RawSignedRequest.S3(HttpMethod.Get, cloud.BaseUrl, "/", "111111111111", signedAt: signedAt);

        var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("<Code>RequestTimeTooSkewed</Code>", body);
        Assert.Contains("<Message>The difference between the request time and the current time is too large.</Message>", body);
        Assert.Contains($"<RequestTime>{signedAt.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}</RequestTime>", body);
        Assert.Contains("<MaxAllowedSkewMilliseconds>900000</MaxAllowedSkewMilliseconds>", body);
    }

    [Fact]
    public async Task The_json_services_answer_signature_expired_for_an_old_request()
    {
        using var http = new HttpClient();
        var signedAt = TimeProvider.System.GetUtcNow().AddMinutes(-20);
        using var request = RawSignedRequest.Json(cloud.BaseUrl, "events", "AWSEvents.ListEventBuses", "{}", "111111111111", signedAt: signedAt);

        var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("InvalidSignatureException", error["__type"]!.GetValue<string>());
        Assert.StartsWith($"Signature expired: {signedAt.UtcDateTime:yyyyMMdd'T'HHmmss'Z'} is now earlier than ", error["message"]!.GetValue<string>());
        Assert.EndsWith(" - 15 min.)", error["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_json_services_answer_signature_not_yet_current_for_a_future_request()
    {
        using var http = new HttpClient();
        var signedAt = TimeProvider.System.GetUtcNow().AddMinutes(20);
        using var request = RawSignedRequest.Json(cloud.BaseUrl, "states", "AWSStepFunctions.ListStateMachines", "{}", "111111111111", signedAt: signedAt);

        var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("InvalidSignatureException", error["__type"]!.GetValue<string>());
        Assert.StartsWith($"Signature not yet current: {signedAt.UtcDateTime:yyyyMMdd'T'HHmmss'Z'} is still later than ", error["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_request_ten_minutes_off_is_still_accepted()
    {
        using var http = new HttpClient();
        using var request = RawSignedRequest.Json(cloud.BaseUrl, "events", "AWSEvents.ListEventBuses", "{}", "111111111111",
            signedAt: TimeProvider.System.GetUtcNow().AddMinutes(-10));

        var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
