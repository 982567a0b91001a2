using System.Net;
using System.Text.Json.Nodes;
using Choreo.LocalCloud.Accounts;
using Choreo.LocalCloud.Composition;
using Choreo.LocalCloud.Hosting;
using Choreo.LocalCloud.Lambda.Model;

namespace LocalCloud.Tests.Lambda;

public sealed class LambdaApiTests : IAsyncLifetime
{
    private static readonly AccountContext Worker = new("222222222222", "us-east-1");
    private readonly EchoFunctions _handlers = new();
    private readonly HttpClient _http = new();
    private LocalCloudInstance _instance = null!;

    public async Task InitializeAsync()
    {
        _instance = await LocalCloudInstance.StartAsync(new LocalCloudInstanceOptions
        {
            Host = new LocalCloudOptions { Port = 0 },
            LambdaMode = LambdaExecutionMode.InProcess,
            InProcessFunctions = _handlers,
        });
        _instance.Functions.Put(new LambdaFunction(Worker, "echo", "Echo", "provided.al2023", null,
            new Dictionary<string, string> { ["BUCKET"] = "work-bucket" }, TimeSpan.FromSeconds(10), 256));
        _instance.Functions.Put(new LambdaFunction(Worker, "fail", "Fail", "provided.al2023", null,
            new Dictionary<string, string>(), TimeSpan.FromSeconds(3), 128));
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _instance.DisposeAsync();
    }

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string[] path, string? body = null, IReadOnlyDictionary<string, string>? headers = null, string accessKey = "222222222222") =>
        _http.SendAsync(SignedLambdaRequest.Create(method, _instance.Host.BaseUrl, ["2015-03-31", "functions", .. path], body, _instance.Clock.UtcNow, accessKey, headers: headers));

    private Task<HttpResponseMessage> InvokeAsync(string functionName, string? body, string? invocationType = null) =>
        SendAsync(HttpMethod.Post, [functionName, "invocations"], body,
            invocationType is null ? null : new Dictionary<string, string> { ["X-Amz-Invocation-Type"] = invocationType });

    [Theory]
    [InlineData("echo")]
    [InlineData("arn:aws:lambda:us-east-1:222222222222:function:echo")]
    [InlineData("arn:aws:lambda:us-east-1:222222222222:function:echo:$LATEST")]
    [InlineData("222222222222:function:echo")]
    public async Task A_RequestResponse_invoke_returns_the_function_response_by_name_or_arn(string functionName)
    {
        var response = await InvokeAsync(functionName, """{"key":"a.txt"}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("$LATEST", response.Headers.GetValues("X-Amz-Executed-Version").Single());
        Assert.False(response.Headers.Contains("X-Amz-Function-Error"));
        var payload = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("a.txt", (string?)payload["event"]!["key"]);
        Assert.Equal("echo", (string?)payload["function"]);
        Assert.Equal((string?)payload["requestId"], response.Headers.GetValues("x-amzn-RequestId").Single());
    }

    [Fact]
    public async Task A_failing_function_returns_200_with_X_Amz_Function_Error_Unhandled_and_the_error_payload()
    {
        var response = await InvokeAsync("fail", "{}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Unhandled", response.Headers.GetValues("X-Amz-Function-Error").Single());
        Assert.Equal("""{"errorMessage":"the bucket is empty","errorType":"InvalidOperationException"}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_Event_invoke_is_accepted_with_202_and_runs_afterwards()
    {
        var response = await InvokeAsync("echo", "{}", "Event");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(string.Empty, await response.Content.ReadAsStringAsync());
        await Eventually.TrueAsync(() => Volatile.Read(ref _handlers.EchoRuns) == 1, "the event invocation to run");
    }

    [Fact]
    public async Task A_DryRun_invoke_is_204_and_runs_nothing()
    {
        var response = await InvokeAsync("echo", "{}", "DryRun");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(0, Volatile.Read(ref _handlers.EchoRuns));
    }

    [Fact]
    public async Task An_unknown_function_is_a_404_ResourceNotFoundException()
    {
        var response = await InvokeAsync("missing", "{}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("ResourceNotFoundException", response.Headers.GetValues("x-amzn-ErrorType").Single());
        Assert.Equal("""{"__type":"ResourceNotFoundException","message":"Function not found: arn:aws:lambda:us-east-1:222222222222:function:missing"}""",
            await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_function_of_another_account_is_not_found_for_that_caller()
    {
        var response = await SendAsync(HttpMethod.Post, ["echo", "invocations"], "{}", accessKey: "111111111111");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("arn:aws:lambda:us-east-1:111111111111:function:echo", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_payload_that_is_not_json_is_InvalidRequestContentException()
    {
        var response = await InvokeAsync("echo", "not json");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("InvalidRequestContentException", response.Headers.GetValues("x-amzn-ErrorType").Single());
    }

    [Fact]
    public async Task A_request_signed_with_the_wrong_secret_is_rejected()
    {
        var request = SignedLambdaRequest.Create(HttpMethod.Get, _instance.Host.BaseUrl, ["2015-03-31", "functions", ""], null, _instance.Clock.UtcNow, secret: "wrong");

        var response = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("InvalidSignatureException", response.Headers.GetValues("x-amzn-ErrorType").Single());
    }

    [Fact]
    public async Task ListFunctions_returns_the_callers_functions_with_their_configuration()
    {
        _instance.Functions.Put(new LambdaFunction(new AccountContext("111111111111", "us-east-1"), "orchestrator-only", "X", "provided.al2023", null,
            new Dictionary<string, string>(), TimeSpan.FromSeconds(3), 128));

        var response = await SendAsync(HttpMethod.Get, [""]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var functions = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["Functions"]!.AsArray();
        Assert.Equal(["echo", "fail"], functions.Select(f => (string?)f!["FunctionName"]));
        var echo = functions[0]!;
        Assert.Equal("arn:aws:lambda:us-east-1:222222222222:function:echo", (string?)echo["FunctionArn"]);
        Assert.Equal("provided.al2023", (string?)echo["Runtime"]);
        Assert.Equal("Echo", (string?)echo["Handler"]);
        Assert.Equal(10, (int)echo["Timeout"]!);
        Assert.Equal(256, (int)echo["MemorySize"]!);
        Assert.Equal("work-bucket", (string?)echo["Environment"]!["Variables"]!["BUCKET"]);
    }

    [Fact]
    public async Task ListFunctions_pages_with_MaxItems_and_NextMarker()
    {
        var first = JsonNode.Parse(await (await _http.SendAsync(SignedLambdaRequestWithQuery("MaxItems=1"))).Content.ReadAsStringAsync())!;
        var second = JsonNode.Parse(await (await _http.SendAsync(SignedLambdaRequestWithQuery($"MaxItems=1&Marker={(string?)first["NextMarker"]}"))).Content.ReadAsStringAsync())!;

        Assert.Equal("echo", (string?)first["Functions"]![0]!["FunctionName"]);
        Assert.Equal("fail", (string?)second["Functions"]![0]!["FunctionName"]);
        Assert.Null(second["NextMarker"]);
    }

    [Fact]
    public async Task GetFunction_returns_the_configuration()
    {
        var response = await SendAsync(HttpMethod.Get, ["arn:aws:lambda:us-east-1:222222222222:function:echo"]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var configuration = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["Configuration"]!;
        Assert.Equal("echo", (string?)configuration["FunctionName"]);
        Assert.Equal("$LATEST", (string?)configuration["Version"]);
    }

    /// <summary>ListFunctions with a query string: signed with the canonical query included.</summary>
    private HttpRequestMessage SignedLambdaRequestWithQuery(string query)
    {
        var request = SignedLambdaRequest.Create(HttpMethod.Get, _instance.Host.BaseUrl, ["2015-03-31", "functions", ""], null, _instance.Clock.UtcNow, query: query);
        return request;
    }
}
