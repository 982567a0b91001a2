using System.IO.Compression;
using System.Net;
using System.Text.Json.Nodes;
using Choreo.LocalCloud.Accounts;
using Choreo.LocalCloud.CloudFormation.Resources;
using Choreo.LocalCloud.Composition;
using Choreo.LocalCloud.Hosting;
using Choreo.LocalCloud.Lambda.CloudFormation;
using Choreo.LocalCloud.Time;

namespace LocalCloud.Tests.Lambda;

/// <summary>
/// CreateFunction (the REST API over loopback HTTP, and <c>AWS::Lambda::Function</c>) refuses a runtime past its AWS
/// block-create date with Lambda's own error, on whatever day the service clock says it is.
/// </summary>
public sealed class RuntimeLifecycleTests
{
    private static readonly DateTimeOffset Today = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);
    private static readonly AccountContext Worker = new("222222222222", "us-east-1");
    private const string Nodejs20Refusal =
        "The runtime parameter of nodejs20.x is no longer supported for creating or updating AWS Lambda functions. We recommend you use the new runtime (nodejs24.x) while creating or updating functions.";

    private static async Task<LocalCloudInstance> CloudOnAsync(DateTimeOffset day) =>
        await LocalCloudInstance.StartAsync(new LocalCloudInstanceOptions
        {
            Host = new LocalCloudOptions { Port = 0, Clock = new VirtualClock(day, autoAdvance: false) },
        });

    private static string ZipWithBootstrap()
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(archive.CreateEntry("bootstrap").Open());
            writer.Write("#!/bin/sh\n");
        }
        return Convert.ToBase64String(buffer.ToArray());
    }

    private static async Task<(HttpStatusCode Status, string? ErrorType, string Body)> CreateFunctionAsync(
        HttpClient http, LocalCloudInstance cloud, string name, string runtime, string? zip = null)
    {
        var body = new JsonObject
        {
            ["FunctionName"] = name,
            ["Runtime"] = runtime,
            ["Role"] = "arn:aws:iam::222222222222:role/fn",
            ["Handler"] = "index.handler",
            ["Code"] = new JsonObject { ["ZipFile"] = zip ?? ZipWithBootstrap() },
        };
        using var response = await http.SendAsync(SignedLambdaRequest.Create(HttpMethod.Post, cloud.Host.BaseUrl, ["2015-03-31", "functions"],
            body.ToJsonString(), TimeProvider.System.GetUtcNow()));
        return (response.StatusCode, response.Headers.TryGetValues("x-amzn-ErrorType", out var types) ? types.Single() : null,
            await response.Content.ReadAsStringAsync());
    }

    private static async Task<HttpStatusCode> GetFunctionStatusAsync(HttpClient http, LocalCloudInstance cloud, string name)
    {
        using var response = await http.SendAsync(SignedLambdaRequest.Create(HttpMethod.Get, cloud.Host.BaseUrl, ["2015-03-31", "functions", name], null, TimeProvider.System.GetUtcNow()));
        return response.StatusCode;
    }

    [Fact]
    public async Task Creating_a_nodejs20_function_after_its_block_date_is_refused_with_Lambda_text_and_nothing_is_created()
    {
        using var http = new HttpClient();
        await using var cloud = await CloudOnAsync(Today);

        var (status, errorType, body) = await CreateFunctionAsync(http, cloud, "auto-delete", "nodejs20.x");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("InvalidParameterValueException", errorType);
        Assert.Equal(Nodejs20Refusal, JsonNode.Parse(body)!["message"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, await GetFunctionStatusAsync(http, cloud, "auto-delete"));
    }

    [Fact]
    public async Task Creating_a_nodejs22_function_today_succeeds_and_the_function_exists()
    {
        using var http = new HttpClient();
        await using var cloud = await CloudOnAsync(Today);

        var (status, _, body) = await CreateFunctionAsync(http, cloud, "auto-delete", "nodejs22.x");

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal("nodejs22.x", JsonNode.Parse(body)!["Runtime"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, await GetFunctionStatusAsync(http, cloud, "auto-delete"));
    }

    [Fact]
    public async Task Creating_a_nodejs20_function_the_day_before_its_block_date_succeeds()
    {
        using var http = new HttpClient();
        await using var cloud = await CloudOnAsync(new DateTimeOffset(2026, 5, 31, 23, 59, 0, TimeSpan.Zero));

        var (status, _, _) = await CreateFunctionAsync(http, cloud, "auto-delete", "nodejs20.x");

        Assert.Equal(HttpStatusCode.Created, status);
    }

    [Fact]
    public async Task A_runtime_Lambda_does_not_know_is_a_ValidationException()
    {
        using var http = new HttpClient();
        await using var cloud = await CloudOnAsync(Today);

        var (status, errorType, body) = await CreateFunctionAsync(http, cloud, "f", "cobol85");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("ValidationException", errorType);
        Assert.Contains("Value 'cobol85' at 'runtime' failed to satisfy constraint", body);
    }

    [Fact]
    public async Task A_second_function_of_the_same_name_is_a_conflict_and_a_package_that_is_not_a_zip_is_refused()
    {
        using var http = new HttpClient();
        await using var cloud = await CloudOnAsync(Today);
        await CreateFunctionAsync(http, cloud, "f", "provided.al2023");

        var (conflict, conflictType, _) = await CreateFunctionAsync(http, cloud, "f", "provided.al2023");
        var (badZip, badZipType, badZipBody) = await CreateFunctionAsync(http, cloud, "g", "provided.al2023", Convert.ToBase64String("not a zip"u8.ToArray()));

        Assert.Equal(HttpStatusCode.Conflict, conflict);
        Assert.Equal("ResourceConflictException", conflictType);
        Assert.Equal(HttpStatusCode.BadRequest, badZip);
        Assert.Equal("InvalidParameterValueException", badZipType);
        Assert.Contains("Could not unzip uploaded file", badZipBody);
    }

    [Fact]
    public async Task The_function_resource_fails_with_a_nodejs20_runtime_today_and_succeeds_with_nodejs22()
    {
        var registry = new Choreo.LocalCloud.Lambda.Model.FunctionRegistry();
        var provider = new FunctionProvider(registry, new VirtualClock(Today, autoAdvance: false));
        ResourceRequest Request(string runtime) => new(Worker, "WorkerStack", "AutoDeleteHandler", new JsonObject
        {
            ["Runtime"] = runtime,
            ["Handler"] = "index.handler",
            ["Timeout"] = 900,
        }, "/tmp", new Dictionary<string, JsonNode?>());

        var refused = await Assert.ThrowsAsync<AwsServiceException>(() => provider.CreateAsync(Request("nodejs20.x"), CancellationToken.None));
        var created = await provider.CreateAsync(Request("nodejs22.x"), CancellationToken.None);

        Assert.Equal("InvalidParameterValueException", refused.ErrorCode);
        Assert.Equal(Nodejs20Refusal, refused.Message);
        Assert.Equal("nodejs22.x", Assert.Single(registry.All).Runtime);
        Assert.StartsWith("arn:aws:lambda:us-east-1:222222222222:function:", created.Attributes["Arn"]!.GetValue<string>());
    }
}
