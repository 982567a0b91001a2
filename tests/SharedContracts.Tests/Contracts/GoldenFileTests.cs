using System.Text.Json;
using System.Text.Json.Nodes;
using Choreo.Contracts;
using Choreo.Contracts.Wire;

namespace SharedContracts.Tests.Contracts;

/// <summary>
/// One golden JSON per detail-type, in the article's wire names. A renamed property changes what the
/// records write, and these files say what the other account expects to read. After a deliberate,
/// compatible change, rewrite them with <c>CHOREO_WRITE_GOLDEN=1</c>.
/// </summary>
public sealed class GoldenFileTests
{
    private static string GoldenPath(string detailType) =>
        Path.Combine(RepositoryRoot.Path, "tests", "SharedContracts.Tests", "Golden", $"{detailType}.json");

    public static TheoryData<string> AllDetailTypes() => new(DetailTypes.All);

    [Theory]
    [MemberData(nameof(AllDetailTypes))]
    public void The_records_write_exactly_the_golden_json(string detailType)
    {
        var written = JsonNode.Parse(JsonSerializer.Serialize(Samples.ByDetailType[detailType], ContractParser.DetailTypeInfos[detailType]));
        if (Environment.GetEnvironmentVariable("CHOREO_WRITE_GOLDEN") == "1")
        {
            File.WriteAllText(GoldenPath(detailType), written!.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n");
        }
        var golden = JsonNode.Parse(File.ReadAllText(GoldenPath(detailType)));

        Assert.True(JsonNode.DeepEquals(golden, written), $"'{detailType}' now writes {written!.ToJsonString()}\nbut the golden file has {golden!.ToJsonString()}");
    }

    [Theory]
    [MemberData(nameof(AllDetailTypes))]
    public void The_golden_json_parses(string detailType)
    {
        var parsed = ContractParser.ParseDetail(detailType, File.ReadAllText(GoldenPath(detailType)));

        Assert.Equal(ContractParser.DetailTypeInfos[detailType].Type, parsed.GetType());
    }

    [Theory]
    [InlineData("getUserProfile", new[] { "TaskToken", "execution", "stateName", "name" })]
    [InlineData("getUserCookies", new[] { "TaskToken", "execution", "stateName", "name", "profile", "meta" })]
    [InlineData("generateReport", new[] { "TaskToken", "execution", "stateName", "names" })]
    [InlineData("done", new[] { "TaskToken", "execution", "names", "numberOfPeople", "totalCookiesConsumed", "meta" })]
    [InlineData("async.done", new[] { "execution", "processed", "meta" })]
    public void Field_names_match_the_article(string detailType, string[] articleNames)
    {
        var golden = JsonNode.Parse(File.ReadAllText(GoldenPath(detailType)))!.AsObject();

        Assert.All(articleNames, name => Assert.True(golden.ContainsKey(name), $"'{detailType}' lacks the article's field '{name}'"));
    }

    [Fact]
    public void Meta_keeps_the_article_tracing_names()
    {
        var meta = JsonNode.Parse(File.ReadAllText(GoldenPath("done")))!["meta"]!.AsObject();

        Assert.Equal(["account", "source", "detailType", "outgoingDetailType", "fn", "execution", "stateMachine", "job"], meta.Select(p => p.Key));
        Assert.Equal("EventDrivenMachine", (string?)meta["stateMachine"]);
        Assert.Equal("job-42", (string?)meta["job"]);
    }
}
