using Choreo.Contracts.Wire;

namespace SharedContracts.Tests.Contracts;

public sealed class MalformedInputTests
{
    [Theory]
    [InlineData("getUserProfile", """{"execution":"e","stateName":"s","name":"n","index":0}""", "detail.TaskToken")]
    [InlineData("getUserProfile", """{"TaskToken":"t","execution":"e","stateName":"s","name":"n"}""", "detail.index")]
    [InlineData("getUserProfile", """{"TaskToken":"t","execution":"e","stateName":"s","name":"n","index":"three"}""", "detail.index")]
    [InlineData("getUserProfile", """{"TaskToken":"t","execution":"e","stateName":"s","name":null,"index":1}""", "detail.name")]
    [InlineData("getUserProfile", """{"TaskToken":"","execution":"e","stateName":"s","name":"n","index":1}""", "detail.TaskToken")]
    [InlineData("getUserProfile", """{"TaskToken":"t","execution":"e","stateName":"s","name":"n","index":-1}""", "detail.index")]
    [InlineData("getUserCookies", """{"TaskToken":"t","execution":"e","stateName":"s","name":"n","index":1,"profile":"not a url"}""", "detail.profile")]
    [InlineData("generateReport", """{"TaskToken":"t","execution":"e","stateName":"s","names":"Mae"}""", "detail.names")]
    [InlineData("failed", """{"TaskToken":"t","execution":"e","error":"Worker.X"}""", "detail.cause")]
    [InlineData("start", """{"people":"many"}""", "detail.people")]
    [InlineData("start", """{"people":-2}""", "detail.people")]
    [InlineData("done", """[1,2]""", "detail")]
    [InlineData("done", """null""", "detail")]
    public void Malformed_detail_is_rejected_naming_the_field(string detailType, string json, string field)
    {
        var error = Assert.Throws<ContractViolationException>(() => ContractParser.ParseDetail(detailType, json));

        Assert.Equal(field, error.Field);
        Assert.Contains(field, error.Message);
    }

    [Fact]
    public void Unknown_detail_type_is_rejected_and_the_known_ones_listed()
    {
        var error = Assert.Throws<ContractViolationException>(() => ContractParser.ParseDetail("getCookies", "{}"));

        Assert.Equal("detail-type", error.Field);
        Assert.Contains("getUserCookies", error.Message);
    }

    [Fact]
    public void Invalid_json_is_rejected_with_a_message_not_a_parser_trace()
    {
        var error = Assert.Throws<ContractViolationException>(() => ContractParser.ReadDetailType("{\"detail-type\": "));

        Assert.StartsWith("Contract.Invalid: $: not valid JSON", error.Message);
    }

    [Fact]
    public void An_event_whose_detail_type_does_not_match_its_record_is_rejected()
    {
        var json = """
            {"version":"0","id":"1","detail-type":"done","source":"choreo.worker","account":"2","time":"2026-11-25T09:00:00Z",
             "region":"us-east-1","resources":[],"detail":{"TaskToken":"t","execution":"e","stateName":"s","name":"n","index":1}}
            """;

        var error = Assert.Throws<ContractViolationException>(() => ContractParser.ParseEvent(json, ContractsJsonContext.Default.EventEnvelopeGetUserProfile));

        Assert.Equal("detail-type", error.Field);
    }

    [Fact]
    public void A_missing_field_inside_the_envelope_detail_is_named_with_its_path()
    {
        var json = """
            {"version":"0","id":"1","detail-type":"getUserProfile","source":"choreo.orchestrator","account":"1","time":"2026-11-25T09:00:00Z",
             "region":"us-east-1","resources":[],"detail":{"execution":"e","stateName":"s","name":"n","index":1}}
            """;

        var error = Assert.Throws<ContractViolationException>(() => ContractParser.ParseEvent(json, ContractsJsonContext.Default.EventEnvelopeGetUserProfile));

        Assert.Equal("detail.TaskToken", error.Field);
    }
}
