using System.Text.Json;
using System.Text.Json.Nodes;
using Choreo.Contracts;
using Choreo.Contracts.Schemas;

namespace SharedContracts.Tests.Schemas;

/// <summary>
/// The committed schemas under shared-contracts/schemas/ are the contract the other account builds
/// against. Regenerate them with <c>CHOREO_WRITE_SCHEMAS=1 dotnet test tests/SharedContracts.Tests</c>
/// after an additive change.
/// </summary>
public sealed class SchemaCompatibilityTests
{
    private static readonly string SchemaDirectory = Path.Combine(RepositoryRoot.Path, "shared-contracts", "schemas");
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Fact]
    public void The_committed_schemas_still_accept_everything_the_records_write()
    {
        var write = Environment.GetEnvironmentVariable("CHOREO_WRITE_SCHEMAS") == "1";
        var problems = new List<string>();
        foreach (var (detailType, schema) in ContractSchemas.Export())
        {
            var file = Path.Combine(SchemaDirectory, ContractSchemas.FileNameFor(detailType));
            if (File.Exists(file))
            {
                problems.AddRange(SchemaCompatibility.BreakingChanges(detailType, JsonNode.Parse(File.ReadAllText(file))!, schema));
            }
            else if (!write)
            {
                problems.Add($"'{detailType}': no committed schema at {file}; run with CHOREO_WRITE_SCHEMAS=1 to create it.");
            }
            if (write && problems.Count == 0)
            {
                File.WriteAllText(file, schema.ToJsonString(Indented) + "\n");
            }
        }

        Assert.True(problems.Count == 0, "Breaking contract changes:\n" + string.Join("\n", problems));
    }

    [Fact]
    public void There_is_a_committed_schema_for_every_detail_type()
    {
        var files = Directory.GetFiles(SchemaDirectory, "*.schema.json").Select(Path.GetFileName).Order();

        Assert.Equal(DetailTypes.All.Select(ContractSchemas.FileNameFor).Order(), files);
    }

    [Fact]
    public void Renaming_a_field_is_a_breaking_change_that_names_the_field_and_how_to_version()
    {
        var (committed, current) = Pair("failed");
        Rename(current, "cause", "reason");

        var problems = SchemaCompatibility.BreakingChanges("failed", committed, current);

        var problem = Assert.Single(problems, p => p.Contains("detail.cause: field removed or renamed"));
        Assert.Contains("'failed.v2'", problem);
    }

    [Fact]
    public void Changing_a_field_type_is_a_breaking_change()
    {
        var (committed, current) = Pair("getUserProfile");
        current["properties"]!["index"] = new JsonObject { ["type"] = "string" };

        var problems = SchemaCompatibility.BreakingChanges("getUserProfile", committed, current);

        Assert.Contains(problems, p => p.Contains("detail.index: type changed from integer to string"));
    }

    [Fact]
    public void Making_an_optional_field_required_is_a_breaking_change()
    {
        var (committed, current) = Pair("start");
        current["required"] = new JsonArray("people");

        var problems = SchemaCompatibility.BreakingChanges("start", committed, current);

        Assert.Contains(problems, p => p.Contains("detail.people: optional field made required"));
    }

    [Fact]
    public void Adding_an_optional_field_is_allowed_and_adding_a_required_one_is_not()
    {
        var (committed, current) = Pair("done");
        current["properties"]!["durationMs"] = new JsonObject { ["type"] = new JsonArray("integer", "null") };

        Assert.Empty(SchemaCompatibility.BreakingChanges("done", committed, current));

        current["required"]!.AsArray().Add("durationMs");
        Assert.Contains(SchemaCompatibility.BreakingChanges("done", committed, current), p => p.Contains("detail.durationMs: new field is required"));
    }

    private static (JsonObject Committed, JsonObject Current) Pair(string detailType)
    {
        var schema = ContractSchemas.Export().Single(s => s.DetailType == detailType).Schema;
        return (schema.DeepClone().AsObject(), schema.DeepClone().AsObject());
    }

    private static void Rename(JsonObject schema, string from, string to)
    {
        var properties = schema["properties"]!.AsObject();
        var value = properties[from]!.DeepClone();
        properties.Remove(from);
        properties[to] = value;
        if (schema["required"] is JsonArray required && required.Any(n => (string?)n == from))
        {
            schema["required"] = new JsonArray(required.Select(n => (JsonNode?)JsonValue.Create((string?)n == from ? to : (string?)n)).ToArray());
        }
    }
}
