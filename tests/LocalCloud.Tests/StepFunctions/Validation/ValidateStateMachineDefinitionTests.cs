using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Signing;
using Choreo.LocalCloud.Hosting;
using Choreo.LocalCloud.StepFunctions.Api;
using Choreo.LocalCloud.Time;
using LocalCloud.Tests.Hosting;
using static LocalCloud.Tests.StepFunctions.Validation.ValidationCalls;

namespace LocalCloud.Tests.StepFunctions.Validation;

/// <summary>ValidateStateMachineDefinition answers as AWS answered in LocalStack's AWS-recorded snapshots.</summary>
public sealed class ValidateStateMachineDefinitionTests
{
    private const string Pass = """{"StartAt":"S","States":{"S":{"Type":"Pass","End":true}}}""";

    [Fact]
    public async Task A_blank_definition_is_not_a_JSON_object_and_has_no_location()
    {
        var response = await ValidateAsync(" ");

        Assert.Equal("FAIL", response["result"]!.GetValue<string>());
        var only = Assert.Single(response["diagnostics"]!.AsArray())!;
        Assert.Equal("""{"severity":"ERROR","code":"SCHEMA_VALIDATION_FAILED","message":"Definition must be a valid JSON object"}""", only.ToJsonString());
        Assert.False(response["truncated"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Text_that_is_not_JSON_is_described_as_AWS_describes_it()
    {
        var response = await ValidateAsync("not a definition");

        var only = Assert.Single(response["diagnostics"]!.AsArray())!;
        Assert.Equal("INVALID_JSON_DESCRIPTION", only["code"]!.GetValue<string>());
        Assert.Equal("[Source: (String)\"not a definition\"; line: 1, column: 4]", only["location"]!.GetValue<string>());
        Assert.Equal(
            "Unrecognized token 'not': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')\n at [Source: (String)\"not a definition\"; line: 1, column: 4]",
            only["message"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("{}", "These fields are required: [States, StartAt]")]
    [InlineData("""{"States":{"StartState":{"Type":"Pass","End":true}}}""", "These fields are required: [StartAt]")]
    public async Task Missing_top_level_fields_are_listed_at_the_root(string definition, string message)
    {
        var response = await ValidateAsync(definition);

        var only = Assert.Single(response["diagnostics"]!.AsArray())!;
        Assert.Equal($$"""{"severity":"ERROR","code":"SCHEMA_VALIDATION_FAILED","message":"{{message}}","location":"/"}""", only.ToJsonString());
    }

    [Theory]
    [InlineData("""{"parsed.$":"States.StringToJson('{\"text\":\"An \\\"escaped double quote\\\" here\"}')"}""")]
    [InlineData("""{"parsed.$":"States.Format('He said, \\\"Hello, {}!\\\"', 'Test \\\"Name\\\" Here')"}""")]
    public async Task An_illegal_escape_in_an_intrinsic_string_is_refused_with_AWS_s_text(string parameters)
    {
        var error = await Assert.ThrowsAsync<AwsServiceException>(() => new StepFunctionsHarness().CreateAsync(
            """{"StartAt":"IntrinsicEscape","States":{"IntrinsicEscape":{"Type":"Pass","Parameters":""" + parameters + ""","End":true}}}"""));

        Assert.Equal(
            "Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: The value for the field 'parsed.$' must be a valid JSONPath or a valid intrinsic function call at /States/IntrinsicEscape/Parameters'",
            error.Message);
    }

    [Fact]
    public async Task A_valid_definition_is_OK_with_no_diagnostics()
    {
        var response = await ValidateAsync(Pass);

        Assert.Equal("""{"result":"OK","diagnostics":[],"truncated":false}""", response.ToJsonString());
    }

    [Fact]
    public async Task An_express_machine_cannot_wait_for_a_task_token()
    {
        var definition = Machine("""
            "SendMessageWithWait":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken","Parameters":{"QueueUrl":"q","MessageBody":{"token.$":"$$.Task.Token"}},"End":true}
            """, "SendMessageWithWait");

        var express = await ValidateAsync(definition, type: "EXPRESS");
        var standard = await ValidateAsync(definition, type: "STANDARD");

        var only = Assert.Single(express["diagnostics"]!.AsArray())!;
        Assert.Equal("Express state machine does not support '.waitForTaskToken' service integration ", only["message"]!.GetValue<string>());
        Assert.Equal("/States/SendMessageWithWait/Resource", only["location"]!.GetValue<string>());
        Assert.Equal("OK", standard["result"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("arn:aws:states:::states:startExecution.sync:2", "Express state machine does not support '.sync' service integration")]
    [InlineData("arn:aws:states:us-east-1:123456789012:activity:review", "Express state machine does not support Activity ARN")]
    public async Task An_express_machine_cannot_run_sync_integrations_or_activities(string resource, string message)
    {
        var definition = Machine($$$"""
            "S":{"Type":"Task","Resource":"{{{resource}}}","End":true}
            """);

        var express = await ValidateAsync(definition, type: "EXPRESS");
        var standard = await ValidateAsync(definition, type: "STANDARD");

        var only = Assert.Single(express["diagnostics"]!.AsArray())!;
        Assert.Equal(message, only["message"]!.GetValue<string>());
        Assert.Equal("/States/S/Resource", only["location"]!.GetValue<string>());
        Assert.Equal("OK", standard["result"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_empty_definition_parameter_is_a_ValidationException()
    {
        var error = await Assert.ThrowsAsync<AwsServiceException>(() => new StepFunctionsHarness().CallAsync(
            "ValidateStateMachineDefinition", new JsonObject { ["definition"] = string.Empty }));

        Assert.Equal("ValidationException", error.ErrorCode);
        Assert.Contains("'definition'", error.Message);
    }

    [Fact]
    public async Task A_state_cannot_go_back_to_JSONPath_in_a_JSONata_machine()
    {
        var response = await ValidateAsync("""{"StartAt":"Pass","States":{"Pass":{"Type":"Pass","End":true,"QueryLanguage":"JSONPath"}},"QueryLanguage":"JSONata"}""");

        Assert.Contains(response["diagnostics"]!.AsArray(), d =>
            d!["code"]!.GetValue<string>() == "SCHEMA_VALIDATION_FAILED" && d["location"]!.GetValue<string>() == "/States/Pass" &&
            d["message"]!.GetValue<string>() == "'QueryLanguage' can not be 'JSONPath' if set to 'JSONata' for whole state machine");
    }

    [Fact]
    public async Task Every_problem_is_returned_not_only_the_first()
    {
        var response = await ValidateAsync(Machine("""
            "S":{"Type":"Pass","Next":"Nowhere"},"T":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:f","TimeoutSeconds":0,"End":true}
            """));

        var codes = response["diagnostics"]!.AsArray().Select(d => $"{d!["code"]} {d["location"]}").ToList();
        Assert.Contains("MISSING_TRANSITION_TARGET /States/S/Next", codes);
        Assert.Contains("MISSING_TRANSITION_TARGET /States/T", codes);
        Assert.Contains("SCHEMA_VALIDATION_FAILED /States/T/TimeoutSeconds", codes);
    }

    [Fact]
    public async Task Warnings_are_returned_only_when_asked_for_and_do_not_fail_the_definition()
    {
        var definition = Machine("""
            "S":{"Type":"Pass","Parameters":{"id":"$.id"},"End":true}
            """);

        var errorsOnly = await ValidateAsync(definition);
        var withWarnings = await ValidateAsync(definition, severity: "WARNING");

        Assert.Equal("""{"result":"OK","diagnostics":[],"truncated":false}""", errorsOnly.ToJsonString());
        Assert.Equal("OK", withWarnings["result"]!.GetValue<string>());
        var warning = Assert.Single(withWarnings["diagnostics"]!.AsArray())!;
        Assert.Equal("WARNING", warning["severity"]!.GetValue<string>());
        Assert.Equal("NO_DOLLAR", warning["code"]!.GetValue<string>());
        Assert.Equal("/States/S/Parameters", warning["location"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_path_in_a_Pass_Result_is_only_a_warning_that_the_Result_is_static()
    {
        var withPath = await ValidateAsync(Machine("""
            "S":{"Type":"Pass","Result":{"id.$":"$.id"},"End":true}
            """), severity: "WARNING");
        var plain = await ValidateAsync(Machine("""
            "S":{"Type":"Pass","Result":{"id":"$.id"},"End":true}
            """), severity: "WARNING");

        Assert.Equal("OK", withPath["result"]!.GetValue<string>());
        var warning = Assert.Single(withPath["diagnostics"]!.AsArray())!;
        Assert.Equal("PASS_RESULT_IS_STATIC", warning["code"]!.GetValue<string>());
        Assert.Equal("/States/S/Result", warning["location"]!.GetValue<string>());
        Assert.Empty(plain["diagnostics"]!.AsArray());
    }

    [Fact]
    public async Task MaxResults_cuts_the_list_and_says_it_is_truncated()
    {
        var definition = Machine("""
            "S":{"Type":"Pass","Next":"A"},"T":{"Type":"Pass","Next":"B"},"U":{"Type":"Pass","End":true}
            """);

        var response = await ValidateAsync(definition, maxResults: 1);

        Assert.Single(response["diagnostics"]!.AsArray());
        Assert.True(response["truncated"]!.GetValue<bool>());
        Assert.Equal("FAIL", response["result"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("type", "PARALLEL")]
    [InlineData("severity", "INFO")]
    public async Task An_unknown_type_or_severity_is_a_ValidationException(string field, string value)
    {
        var body = new JsonObject { ["definition"] = Pass, [field] = value };

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => new StepFunctionsHarness().CallAsync("ValidateStateMachineDefinition", body));

        Assert.Equal("ValidationException", error.ErrorCode);
        Assert.Contains($"Value '{value}' at '{field}'", error.Message);
    }

    [Fact]
    public async Task CreateStateMachine_quotes_several_problems_the_way_AWS_does()
    {
        var error = await Assert.ThrowsAsync<AwsServiceException>(() => new StepFunctionsHarness().CreateAsync(Machine("""
            "S":{"Type":"Pass","Next":"Nowhere"},"Orphan":{"Type":"Pass","End":true}
            """)));

        Assert.Equal("InvalidDefinition", error.ErrorCode);
        Assert.StartsWith("Invalid State Machine Definition: ''", error.Message);
        Assert.Contains("'MISSING_TRANSITION_TARGET: State \"Orphan\" is not reachable. at /States/Orphan'", error.Message);
        Assert.Contains("'MISSING_TRANSITION_TARGET: Missing 'Next' target: Nowhere at /States/S/Next'", error.Message);
        Assert.EndsWith("''", error.Message);
    }

    [Fact]
    public async Task Validation_answers_over_the_signed_awsJson_wire()
    {
        await using var host = StandaloneEndpoint.For(new LocalCloudOptions { Port = 0 }).AddJsonService(new StepFunctionsService(new VirtualClock()));
        await host.StartAsync();
        using var http = new HttpClient();
        var body = Encoding.UTF8.GetBytes(new JsonObject { ["definition"] = "{}", ["type"] = "STANDARD" }.ToJsonString());
        var signing = new AWSSigningRequest { HttpMethod = HttpMethod.Post, RequestUri = host.BaseUrl, Content = body };
        signing.Headers["Content-Type"] = "application/x-amz-json-1.0";
        signing.Headers["X-Amz-Target"] = "AWSStepFunctions.ValidateStateMachineDefinition";
        var signed = await AWSSigV4Signer.SignAsync(signing, new AWSSigV4Parameters
        {
            Credentials = new BasicAWSCredentials("111111111111", "test"),
            Region = RegionEndpoint.USEast1,
            Service = "states",
            SignedAt = TimeProvider.System.GetUtcNow().UtcDateTime,
        });
        using var request = new HttpRequestMessage(HttpMethod.Post, host.BaseUrl) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/x-amz-json-1.0");
        foreach (var (name, value) in signed.Headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        request.Headers.TryAddWithoutValidation("X-Amz-Target", "AWSStepFunctions.ValidateStateMachineDefinition");

        using var response = await http.SendAsync(request);

        Assert.Equal(200, (int)response.StatusCode);
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("FAIL", answer["result"]!.GetValue<string>());
        Assert.Equal("These fields are required: [States, StartAt]", answer["diagnostics"]![0]!["message"]!.GetValue<string>());
    }
}
