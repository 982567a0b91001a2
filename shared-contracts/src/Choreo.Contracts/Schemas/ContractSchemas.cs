using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using Choreo.Contracts.Wire;

namespace Choreo.Contracts.Schemas;

/// <summary>The JSON Schema of each detail type, exported from the records themselves.</summary>
public static class ContractSchemas
{
    private static readonly JsonSchemaExporterOptions ExporterOptions = new()
    {
        TreatNullObliviousAsNonNullable = true,
    };

    /// <summary>Detail-type → schema, in the order of <see cref="DetailTypes.All"/>.</summary>
    public static IReadOnlyList<(string DetailType, JsonNode Schema)> Export() =>
        DetailTypes.All
            .Select(dt => (dt, Describe(dt, JsonSchemaExporter.GetJsonSchemaAsNode(ContractParser.DetailTypeInfos[dt], ExporterOptions))))
            .ToList();

    /// <summary>The file a detail-type's schema is committed in, under <c>shared-contracts/schemas/</c>.</summary>
    public static string FileNameFor(string detailType) => $"{detailType}.schema.json";

    private static JsonNode Describe(string detailType, JsonNode schema)
    {
        var described = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["title"] = detailType,
            ["description"] = $"Detail of the Choreo '{detailType}' event.",
        };
        foreach (var (key, value) in schema.AsObject().ToList())
        {
            described[key] = value?.DeepClone();
        }
        return described;
    }
}
