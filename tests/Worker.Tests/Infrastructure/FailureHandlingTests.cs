using System.Text.Json;
using Choreo.Contracts;
using Choreo.Worker.Infrastructure.Events;

namespace Worker.Tests.Infrastructure;

[Collection(WorkerTemplateCollection.Name)]
public sealed class FailureHandlingTests(WorkerTemplateFixture fixture)
{
    public static TheoryData<string> WorkHandlers => ["getMultiple", "processSingle", "postProcessSingle", "sideEffect", "postProcessAll"];

    [Theory]
    [MemberData(nameof(WorkHandlers))]
    public void Function_retries_twice_then_sends_its_failure_to_this_bus(string handler)
    {
        var config = InvokeConfigOf(handler);

        Assert.Equal(2, config.GetProperty("MaximumRetryAttempts").GetDouble());
        Assert.Equal(3600, config.GetProperty("MaximumEventAgeInSeconds").GetDouble());
        var destination = config.GetProperty("DestinationConfig").GetProperty("OnFailure").GetProperty("Destination");
        Assert.Equal(WorkerTemplateFixture.WorkerBusArn, TemplateJson.Text(destination));
    }

    [Fact]
    public void Failure_relay_retries_twice_and_has_no_failure_destination()
    {
        var config = InvokeConfigOf("failureRelay");

        Assert.Equal(2, config.GetProperty("MaximumRetryAttempts").GetDouble());
        Assert.False(config.TryGetProperty("DestinationConfig", out _));
    }

    [Fact]
    public void Lambda_failure_records_for_orchestrated_work_invoke_the_failure_relay()
    {
        var pattern = RelayPattern();

        Assert.Equal([FailureRelayRule.LambdaSource], TemplateJson.Strings(pattern.GetProperty("source")));
        Assert.Equal(["Lambda Function Invocation Result - Failure"], TemplateJson.Strings(pattern.GetProperty("detail-type")));
        Assert.Equal(
            [Sources.Orchestrator, Sources.Worker],
            TemplateJson.Strings(pattern.GetProperty("detail").GetProperty("requestPayload").GetProperty("source")));
    }

    [Theory]
    [InlineData("getMultiple", true)]
    [InlineData("processSingle", true)]
    [InlineData("postProcessSingle", true)]
    [InlineData("postProcessAll", true)]
    [InlineData("sideEffect", false)]
    [InlineData("failureRelay", false)]
    public void Only_a_crash_of_a_function_a_task_waits_on_fails_the_task(string handler, bool relayed)
    {
        var (id, _) = fixture.DevJson.FunctionByHandler(handler);
        var prefixes = RelayPattern().GetProperty("detail").GetProperty("requestContext").GetProperty("functionArn")
            .EnumerateArray()
            .Select(p => TemplateJson.Text(p.GetProperty("prefix")));

        Assert.Equal(relayed, prefixes.Contains($$"""{"Fn::GetAtt":["{{id}}","Arn"]}"""));
    }

    private JsonElement RelayPattern()
    {
        var (relay, _) = fixture.DevJson.FunctionByHandler("failureRelay");
        return Assert.Single(fixture.DevJson.RulesTargeting(relay)).GetProperty("EventPattern");
    }

    private JsonElement InvokeConfigOf(string handler)
    {
        var (id, _) = fixture.DevJson.FunctionByHandler(handler);
        return Assert.Single(fixture.DevJson.Resources("AWS::Lambda::EventInvokeConfig")
            .Select(c => c.Resource.GetProperty("Properties")),
            p => p.GetProperty("FunctionName").GetProperty("Ref").GetString() == id);
    }
}
