using System.Text.Json;
using System.Text.Json.Nodes;
using Choreo.Contracts;
using Choreo.Contracts.Wire;

namespace SharedContracts.Tests.Contracts;

public sealed class RoundTripTests
{
    public static TheoryData<string> AllDetailTypes() => new(DetailTypes.All);

    [Theory]
    [MemberData(nameof(AllDetailTypes))]
    public void Every_detail_survives_a_round_trip_unchanged(string detailType)
    {
        var typeInfo = ContractParser.DetailTypeInfos[detailType];
        var json = JsonSerializer.Serialize(Samples.ByDetailType[detailType], typeInfo);

        var parsed = ContractParser.ParseDetail(detailType, json);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), JsonNode.Parse(JsonSerializer.Serialize(parsed, typeInfo))));
    }

    [Fact]
    public void Every_detail_type_has_a_sample_and_a_record()
    {
        Assert.Equal(DetailTypes.All.Order(), Samples.ByDetailType.Keys.Order());
        Assert.Equal(DetailTypes.All.Order(), ContractParser.DetailTypeInfos.Keys.Order());
    }

    [Fact]
    public void An_envelope_keeps_the_EventBridge_field_names()
    {
        var json = """
            {"version":"0","id":"6a7e8feb-b491-4cf7-a9f1-bf3703467718","detail-type":"getUserProfile",
             "source":"choreo.orchestrator","account":"111111111111","time":"2026-11-25T09:00:00Z",
             "region":"us-east-1","resources":[],
             "detail":{"TaskToken":"t","execution":"e","stateName":"ProcessSingle","name":"Mae","index":4}}
            """;

        var envelope = ContractParser.ParseEvent(json, ContractsJsonContext.Default.EventEnvelopeGetUserProfile);

        Assert.Equal("getUserProfile", envelope.DetailType);
        Assert.Equal(4, envelope.Detail.Index);
        var written = JsonNode.Parse(JsonSerializer.Serialize(envelope, ContractsJsonContext.Default.EventEnvelopeGetUserProfile))!.AsObject();
        Assert.Equal(["version", "id", "detail-type", "source", "account", "time", "region", "resources", "detail"], written.Select(p => p.Key));
    }

    [Fact]
    public void The_article_start_event_with_an_empty_detail_is_a_valid_start()
    {
        var start = ContractParser.ParseDetail("{}", ContractsJsonContext.Default.Start);

        Assert.Null(start.People);
        Assert.Null(start.Seed);
    }
}
