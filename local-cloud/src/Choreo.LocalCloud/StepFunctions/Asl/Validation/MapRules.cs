using System.Text.Json.Nodes;
using Choreo.LocalCloud.StepFunctions.Asl.Json;

namespace Choreo.LocalCloud.StepFunctions.Asl.Validation;

/// <summary>
/// Map state rules, Distributed Map included: ProcessorConfig (Mode, ExecutionType), ItemReader, ItemBatcher,
/// ResultWriter, tolerated failures and Label, their shapes and ranges. Whether AWS refuses the Distributed Map fields
/// on an INLINE Map is not documented; asl-validator accepts them, so they are accepted here too.
/// </summary>
public static class MapRules
{
    /// <summary>AWS's Distributed Map limits: a batch holds at most 256 KiB, a Label 40 characters.</summary>
    public const long MaxInputBytesPerBatch = 262144;

    public const int MaxLabelLength = 40;

    // The characters AWS refuses in a Map Label, besides control characters.
    private const string LabelForbidden = " ?*<>{}[]:;,\\|^~$#%&`\"";

    public static IEnumerable<DefinitionDiagnostic> Check(JsonObject state, string at)
    {
        if (!JsonText.TryGetString(state["Type"], out var type) || type != "Map")
        {
            return [];
        }

        var found = new List<DefinitionDiagnostic?>();
        if (state["ItemProcessor"] is JsonObject processor && processor.TryGetPropertyValue("ProcessorConfig", out var configNode))
        {
            var configAt = $"{at}/ItemProcessor/ProcessorConfig";
            if (configNode is not JsonObject config)
            {
                found.Add(DefinitionDiagnostic.Error("SCHEMA_VALIDATION_FAILED", "The value for the field 'ProcessorConfig' must be an OBJECT", configAt));
            }
            else
            {
                found.AddRange(FieldValues.OnlyFields(config, ["Mode", "ExecutionType"], configAt));
                found.Add(FieldValues.OneOf(config, "Mode", ["INLINE", "DISTRIBUTED"], configAt));
                found.Add(FieldValues.OneOf(config, "ExecutionType", ["STANDARD", "EXPRESS"], configAt));
                if (JsonText.TryGetString(config["Mode"], out var mode) && mode == "DISTRIBUTED" && !config.ContainsKey("ExecutionType"))
                {
                    found.Add(DefinitionDiagnostic.Error("SCHEMA_VALIDATION_FAILED", "These fields are required: [ExecutionType]", configAt));
                }
            }
        }

        found.Add(FieldValues.NotBoth(state, "MaxConcurrency", "MaxConcurrencyPath", at));
        found.Add(FieldValues.NotBoth(state, "ToleratedFailurePercentage", "ToleratedFailurePercentagePath", at));
        found.Add(FieldValues.NotBoth(state, "ToleratedFailureCount", "ToleratedFailureCountPath", at));
        found.Add(FieldValues.NotBoth(state, "ItemSelector", "Parameters", at));
        found.Add(Label(state, at));
        found.AddRange(ItemReader(state, at));
        found.AddRange(ItemBatcher(state, at));
        found.AddRange(ResultWriter(state, at));
        return found.OfType<DefinitionDiagnostic>();
    }

    /// <summary>A Map Label used twice in one machine (labels name Map Runs, so they are machine-wide).</summary>
    public static IEnumerable<DefinitionDiagnostic> DuplicateLabels(JsonObject root)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (graph, at) in GraphRules.Graphs(root, string.Empty))
        {
            foreach (var (_, state, stateAt) in GraphRules.States(graph, at))
            {
                if (JsonText.TryGetString(state["Type"], out var type) && type == "Map" &&
                    JsonText.TryGetString(state["Label"], out var label) && !seen.Add(label))
                {
                    yield return DefinitionDiagnostic.Error("DUPLICATE_LABEL_NAME", $"Duplicate Label name: {label}", $"{stateAt}/Label");
                }
            }
        }
    }

    private static DefinitionDiagnostic? Label(JsonObject state, string at)
    {
        if (!state.TryGetPropertyValue("Label", out var node))
        {
            return null;
        }

        if (!JsonText.TryGetString(node, out var label) || label.Length == 0 || label.Length > MaxLabelLength)
        {
            return DefinitionDiagnostic.Error("INVALID_LABEL_NAME", $"The value for the field 'Label' must be a string of 1 to {MaxLabelLength} characters", $"{at}/Label");
        }

        var bad = label.FirstOrDefault(c => LabelForbidden.Contains(c) || char.IsControl(c));
        return bad == default
            ? null
            : DefinitionDiagnostic.Error("INVALID_LABEL_NAME", $"Label contains invalid character: '{bad}'", $"{at}/Label");
    }

    private static IEnumerable<DefinitionDiagnostic?> ItemReader(JsonObject state, string at)
    {
        if (!state.TryGetPropertyValue("ItemReader", out var node))
        {
            yield break;
        }

        var readerAt = $"{at}/ItemReader";
        if (node is not JsonObject reader)
        {
            yield return FieldValues.ObjectOrAbsent(state, "ItemReader", at);
            yield break;
        }

        foreach (var unknown in FieldValues.OnlyFields(reader, ["Resource", "ReaderConfig", "Parameters", "Arguments"], readerAt))
        {
            yield return unknown;
        }

        yield return S3Resource(reader, readerAt, ["getObject", "listObjectsV2"]);
        yield return FieldValues.ObjectOrAbsent(reader, "Parameters", readerAt);
        yield return FieldValues.ObjectOrAbsent(reader, "ReaderConfig", readerAt);
        if (reader["ReaderConfig"] is JsonObject config)
        {
            var configAt = $"{readerAt}/ReaderConfig";
            foreach (var unknown in FieldValues.OnlyFields(config, ["InputType", "CSVHeaderLocation", "CSVHeaders", "CSVDelimiter", "MaxItems", "MaxItemsPath", "ManifestType", "ItemsPointer"], configAt))
            {
                yield return unknown;
            }

            yield return FieldValues.OneOf(config, "InputType", ["CSV", "JSON", "JSONL", "MANIFEST", "PARQUET"], configAt);
            yield return FieldValues.OneOf(config, "CSVHeaderLocation", ["FIRST_ROW", "GIVEN"], configAt);
            yield return FieldValues.IntegerIn(config, "MaxItems", 0, 100_000_000, configAt);
            yield return FieldValues.NotBoth(config, "MaxItems", "MaxItemsPath", configAt);
            if (JsonText.TryGetString(config["CSVHeaderLocation"], out var location) && location == "GIVEN" && config["CSVHeaders"] is not JsonArray)
            {
                yield return DefinitionDiagnostic.Error("SCHEMA_VALIDATION_FAILED", "These fields are required: [CSVHeaders]", configAt);
            }
        }
    }

    private static IEnumerable<DefinitionDiagnostic?> ItemBatcher(JsonObject state, string at)
    {
        if (!state.TryGetPropertyValue("ItemBatcher", out var node))
        {
            yield break;
        }

        var batcherAt = $"{at}/ItemBatcher";
        if (node is not JsonObject batcher)
        {
            yield return FieldValues.ObjectOrAbsent(state, "ItemBatcher", at);
            yield break;
        }

        string[] limits = ["MaxItemsPerBatch", "MaxItemsPerBatchPath", "MaxInputBytesPerBatch", "MaxInputBytesPerBatchPath"];
        foreach (var unknown in FieldValues.OnlyFields(batcher, [.. limits, "BatchInput"], batcherAt))
        {
            yield return unknown;
        }

        if (!limits.Any(batcher.ContainsKey))
        {
            yield return DefinitionDiagnostic.Error(
                "SCHEMA_VALIDATION_FAILED", "One of these fields is required: [MaxItemsPerBatch, MaxItemsPerBatchPath, MaxInputBytesPerBatch, MaxInputBytesPerBatchPath]", batcherAt);
        }

        yield return FieldValues.IntegerIn(batcher, "MaxItemsPerBatch", 1, int.MaxValue, batcherAt);
        yield return FieldValues.IntegerIn(batcher, "MaxInputBytesPerBatch", 1, MaxInputBytesPerBatch, batcherAt);
        yield return FieldValues.NotBoth(batcher, "MaxItemsPerBatch", "MaxItemsPerBatchPath", batcherAt);
        yield return FieldValues.NotBoth(batcher, "MaxInputBytesPerBatch", "MaxInputBytesPerBatchPath", batcherAt);
        yield return FieldValues.ObjectOrAbsent(batcher, "BatchInput", batcherAt);
    }

    private static IEnumerable<DefinitionDiagnostic?> ResultWriter(JsonObject state, string at)
    {
        if (!state.TryGetPropertyValue("ResultWriter", out var node))
        {
            yield break;
        }

        var writerAt = $"{at}/ResultWriter";
        if (node is not JsonObject writer)
        {
            yield return FieldValues.ObjectOrAbsent(state, "ResultWriter", at);
            yield break;
        }

        foreach (var unknown in FieldValues.OnlyFields(writer, ["Resource", "Parameters", "Arguments", "WriterConfig"], writerAt))
        {
            yield return unknown;
        }

        if (writer.ContainsKey("Resource"))
        {
            yield return S3Resource(writer, writerAt, ["putObject"]);
        }

        yield return FieldValues.ObjectOrAbsent(writer, "Parameters", writerAt);
    }

    private static DefinitionDiagnostic? S3Resource(JsonObject obj, string at, string[] actions)
    {
        if (!obj.TryGetPropertyValue("Resource", out var node))
        {
            return DefinitionDiagnostic.Error("SCHEMA_VALIDATION_FAILED", "These fields are required: [Resource]", at);
        }

        var valid = JsonText.TryGetString(node, out var resource) &&
                    actions.Any(action => resource.StartsWith("arn:aws", StringComparison.Ordinal) && resource.EndsWith($":states:::s3:{action}", StringComparison.Ordinal));
        return valid
            ? null
            : DefinitionDiagnostic.Error(
                "SCHEMA_VALIDATION_FAILED",
                $"The resource provided {resource} is not recognized. The value is not a valid resource ARN, or the resource is not available in this region.",
                $"{at}/Resource");
    }
}
