using Choreo.LocalCloud.StepFunctions.Execution;
using static LocalCloud.Tests.StepFunctions.Validation.ValidationCalls;

namespace LocalCloud.Tests.StepFunctions.Validation;

/// <summary>Definitions AWS accepts that local-cloud used to refuse: they are created, and run as AWS runs them.</summary>
public sealed class AcceptedDefinitionTests
{
    [Fact]
    public async Task Intrinsic_functions_in_ErrorPath_and_CausePath_are_accepted_and_evaluated()
    {
        var run = await new StepFunctionsHarness().RunAsync(Machine("""
            "S":{"Type":"Fail","ErrorPath":"States.Format('Order.{}', $.code)","CausePath":"States.JsonToString($.detail)"}
            """), """{"code":"Late","detail":{"id":7}}""");

        Assert.Equal(ExecutionStatus.FAILED, run.Status);
        Assert.Equal("Order.Late", run.Error);
        Assert.Equal("""{"id":7}""", run.Cause);
    }

    [Fact]
    public async Task The_current_value_predicate_in_a_JSONPath_filter_is_accepted()
    {
        var run = await new StepFunctionsHarness().RunAsync(Machine("""
            "S":{"Type":"Pass","Parameters":{"cheap.$":"$.items[?(@.price < 10)].name"},"End":true}
            """), """{"items":[{"name":"a","price":5},{"name":"b","price":50}]}""");

        Assert.Equal(ExecutionStatus.SUCCEEDED, run.Status);
        Assert.Equal("""{"cheap":["a"]}""", run.Output);
    }

    [Fact]
    public async Task Context_object_paths_are_accepted_in_Parameters_ItemSelector_and_Choice_variables()
    {
        var run = await new StepFunctionsHarness().RunAsync(Machine("""
            "S":{"Type":"Choice","Choices":[{"Variable":"$$.Execution.Input.go","BooleanEquals":true,"Next":"M"}],"Default":"Done"},
            "M":{"Type":"Map","ItemsPath":"$.items","ItemSelector":{"at.$":"$$.Map.Item.Index"},"ItemProcessor":{"StartAt":"I","States":{"I":{"Type":"Pass","End":true}}},"ResultPath":"$.indexes","Next":"P"},
            "P":{"Type":"Pass","Parameters":{"indexes.$":"$.indexes","state.$":"$$.State.Name"},"End":true},
            "Done":{"Type":"Succeed"}
            """), """{"go":true,"items":["x","y"]}""");

        Assert.Equal(ExecutionStatus.SUCCEEDED, run.Status);
        Assert.Equal("""{"indexes":[{"at":0},{"at":1}],"state":"P"}""", run.Output);
    }

    [Fact]
    public async Task An_explicit_JSONPath_query_language_is_accepted_on_the_machine_and_on_a_state()
    {
        var run = await new StepFunctionsHarness().RunAsync("""
            {"QueryLanguage":"JSONPath","StartAt":"S","States":{"S":{"Type":"Pass","QueryLanguage":"JSONPath","Result":{"ok":true},"End":true}}}
            """);

        Assert.Equal(ExecutionStatus.SUCCEEDED, run.Status);
        Assert.Equal("""{"ok":true}""", run.Output);
    }

    [Theory]
    [InlineData("""{"StartAt":"pass","States":{"pass":{"Type":"Pass","InputPath":"$.NoSuchInputPath","End":true}}}""")]
    [InlineData("""{"StartAt":"pass","States":{"pass":{"Type":"Pass","Parameters":{"value.$":"$$.Execution.Input.no_such_jsonpath"},"End":true}}}""")]
    [InlineData("""{"StartAt":"pass","States":{"pass":{"Type":"Pass","Next":"fail","Parameters":{"Error":"error-value"}},"fail":{"Type":"Fail","ErrorPath":"$.Error","CausePath":"$.NoSuchCausePath"}}}""")]
    [InlineData("""{"StartAt":"task","States":{"task":{"Type":"Task","HeartbeatSecondsPath":"$.NoSuchTimeoutSecondsPath","Resource":"arn:aws:states:::aws-sdk:s3:listBuckets.waitForTaskToken","Parameters":{},"End":true}}}""")]
    public async Task Paths_that_only_fail_at_run_time_are_valid_definitions(string definition)
    {
        // AWS created each of these (LocalStack's recorded scenarios) and failed the execution instead.
        var response = await ValidateAsync(definition);

        Assert.True(response["result"]!.GetValue<string>() == "OK", Diagnostics(response));
    }

    [Fact]
    public async Task A_complete_Distributed_Map_definition_is_valid()
    {
        var response = await ValidateAsync(Machine("""
            "S":{"Type":"Map","Label":"people",
                 "ItemReader":{"Resource":"arn:aws:states:::s3:getObject","ReaderConfig":{"InputType":"CSV","CSVHeaderLocation":"FIRST_ROW","MaxItems":1000},"Parameters":{"Bucket":"b","Key":"people.csv"}},
                 "ItemSelector":{"person.$":"$$.Map.Item.Value","job.$":"$.job"},
                 "ItemBatcher":{"MaxItemsPerBatch":50,"MaxInputBytesPerBatch":262144,"BatchInput":{"job.$":"$.job"}},
                 "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},"StartAt":"I","States":{"I":{"Type":"Pass","End":true}}},
                 "ResultWriter":{"Resource":"arn:aws:states:::s3:putObject","Parameters":{"Bucket":"b","Prefix":"results"}},
                 "MaxConcurrencyPath":"$.concurrency","ToleratedFailurePercentage":5,"ToleratedFailureCountPath":"$.tolerated",
                 "ResultPath":null,"End":true}
            """));

        Assert.True(response["result"]!.GetValue<string>() == "OK", Diagnostics(response));
    }
}
