using Choreo.LocalCloud.Hosting;

namespace LocalCloud.Tests.StepFunctions;

public sealed class DistributedMapDefinitionTests
{
    private static async Task<AwsServiceException> Refused(string definition) =>
        await Assert.ThrowsAsync<AwsServiceException>(() => new StepFunctionsHarness().CreateAsync(definition));

    [Theory]
    [InlineData(" ")]
    [InlineData("?")]
    [InlineData(":")]
    [InlineData("{")]
    public async Task A_Label_with_a_character_AWS_refuses_is_InvalidDefinition(string character)
    {
        var error = await Refused(DistributedMapHarness.Machine($"\"Label\":\"label_{character}\""));

        Assert.Equal("InvalidDefinition", error.ErrorCode);
        Assert.True(error.Message.Contains($"Label contains invalid character: '{character}'", StringComparison.Ordinal), error.Message);
    }

    [Fact]
    public async Task Distributed_only_fields_on_an_inline_map_are_refused()
    {
        var error = await Refused("""
            {"StartAt":"M","States":{"M":{"Type":"Map","ItemBatcher":{"MaxItemsPerBatch":2},
              "ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},"End":true}}}
            """);

        Assert.True(error.Message.Contains("'ItemBatcher' is only supported for a Map state in DISTRIBUTED mode at /States/M/ItemBatcher", StringComparison.Ordinal), error.Message);
    }

    [Fact]
    public async Task A_distributed_map_needs_an_ExecutionType_and_at_most_10000_concurrency()
    {
        var noType = await Refused("""
            {"StartAt":"M","States":{"M":{"Type":"Map",
              "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED"},"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},"End":true}}}
            """);
        Assert.True(noType.Message.Contains("ExecutionType", StringComparison.Ordinal) && noType.Message.Contains("at /States/M/ItemProcessor/ProcessorConfig", StringComparison.Ordinal), noType.Message);

        var tooMany = await Refused(DistributedMapHarness.Machine("\"MaxConcurrency\":10001"));
        Assert.True(tooMany.Message.Contains("MaxConcurrency must be at most 10000", StringComparison.Ordinal), tooMany.Message);
    }

    [Fact]
    public async Task An_ItemReader_needs_a_known_resource_and_an_InputType_for_getObject()
    {
        var resource = await Refused(DistributedMapHarness.Machine("""{"ItemReader":{"Resource":"arn:aws:states:::s3:getObjectz","Parameters":{"Bucket":"b","Key":"k"}}}"""));
        Assert.True(resource.Message.Contains("at /States/Map/ItemReader/Resource", StringComparison.Ordinal), resource.Message);

        var inputType = await Refused(DistributedMapHarness.Machine("""{"ItemReader":{"Resource":"arn:aws:states:::s3:getObject","Parameters":{"Bucket":"b","Key":"k"}}}"""));
        Assert.True(inputType.Message.Contains("at /States/Map/ItemReader/ReaderConfig/InputType", StringComparison.Ordinal), inputType.Message);
    }

    [Fact]
    public async Task An_empty_ItemBatcher_and_a_ResultWriter_without_putObject_are_refused()
    {
        var batcher = await Refused(DistributedMapHarness.Machine("""{"ItemBatcher":{}}"""));
        Assert.True(batcher.Message.Contains("MaxItemsPerBatch, MaxItemsPerBatchPath, MaxInputBytesPerBatch, MaxInputBytesPerBatchPath] at /States/Map/ItemBatcher", StringComparison.Ordinal), batcher.Message);

        var writer = await Refused(DistributedMapHarness.Machine("""{"ResultWriter":{"Resource":"arn:aws:states:::s3:getObject","Parameters":{"Bucket":"b"}}}"""));
        Assert.True(writer.Message.Contains("at /States/Map/ResultWriter/Resource", StringComparison.Ordinal), writer.Message);
    }

    [Fact]
    public async Task QueryLanguage_JSONPath_is_accepted_on_the_machine_and_on_a_state_and_a_JSONata_state_is_accepted_but_not_run()
    {
        var harness = new StepFunctionsHarness();
        var run = await harness.RunAsync("""
            {"QueryLanguage":"JSONPath","StartAt":"P","States":{"P":{"Type":"Pass","QueryLanguage":"JSONPath","Result":{"a":1},"End":true}}}
            """);
        Assert.Equal("""{"a":1}""", run.Output);

        // AWS accepts a JSONata state; local-cloud does not run JSONata, so the execution fails at once saying so.
        var jsonata = await new StepFunctionsHarness().RunAsync("""{"StartAt":"P","States":{"P":{"Type":"Pass","QueryLanguage":"JSONata","End":true}}}""");
        Assert.Equal("States.Runtime", jsonata.Error);
        Assert.Contains("JSONata query language is not supported by local-cloud", jsonata.Cause);
        var unknown = await Refused("""{"StartAt":"P","States":{"P":{"Type":"Pass","QueryLanguage":"XPath","End":true}}}""");
        Assert.True(unknown.Message.Contains("[JSONPath, JSONata] at /States/P/QueryLanguage", StringComparison.Ordinal), unknown.Message);
    }
}
