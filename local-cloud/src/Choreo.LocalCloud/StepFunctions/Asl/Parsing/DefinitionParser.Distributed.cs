using System.Text.Json.Nodes;
using Choreo.LocalCloud.StepFunctions.Asl.Distributed;
using Choreo.LocalCloud.StepFunctions.Asl.Json;

namespace Choreo.LocalCloud.StepFunctions.Asl.Parsing;

/// <summary>The Distributed Map fields (ProcessorConfig, ItemReader, ItemBatcher, ResultWriter, Label) and QueryLanguage.</summary>
public sealed partial class DefinitionParser
{
    private const string GetObjectResource = "arn:aws:states:::s3:getObject";
    private const string ListObjectsResource = "arn:aws:states:::s3:listObjectsV2";
    private const string PutObjectResource = "arn:aws:states:::s3:putObject";
    private const int MaxLabelLength = 40;

    /// <summary>AWS accepts an explicit "JSONPath" wherever QueryLanguage may appear; JSONata is refused elsewhere.</summary>
    private void CheckQueryLanguage(JsonObject obj, string at)
    {
        if (!obj.TryGetPropertyValue("QueryLanguage", out var node))
        {
            return;
        }

        if (!JsonText.TryGetString(node, out var language) || language is not ("JSONPath" or "JSONata"))
        {
            Problem("SCHEMA_VALIDATION_FAILED", "The value for the field 'QueryLanguage' must be one of [JSONPath, JSONata]", $"{at}/QueryLanguage");
        }
        else if (language == "JSONata")
        {
            Problem("UNSUPPORTED_FEATURE", "The JSONata query language is not supported yet by local-cloud", $"{at}/QueryLanguage");
        }
    }

    private DistributedMapSettings? ReadDistributed(JsonObject map, JsonObject processor, string processorField, string at)
    {
        var configAt = $"{at}/{processorField}/ProcessorConfig";
        var mode = "INLINE";
        string? executionType = null;
        if (processor.TryGetPropertyValue("ProcessorConfig", out var configNode))
        {
            if (configNode is not JsonObject config)
            {
                Problem("SCHEMA_VALIDATION_FAILED", "The field 'ProcessorConfig' must be an object", configAt);
                return null;
            }

            foreach (var (key, _) in config)
            {
                if (key is not ("Mode" or "ExecutionType"))
                {
                    Problem("SCHEMA_VALIDATION_FAILED", $"Field '{key}' is not supported", $"{configAt}/{key}");
                }
            }

            mode = OptionalString(config, "Mode", configAt) ?? "INLINE";
            executionType = OptionalString(config, "ExecutionType", configAt);
            if (mode is not ("INLINE" or "DISTRIBUTED"))
            {
                Problem("SCHEMA_VALIDATION_FAILED", "The value for the field 'Mode' must be one of [INLINE, DISTRIBUTED]", $"{configAt}/Mode");
            }

            if (executionType is not null and not ("STANDARD" or "EXPRESS"))
            {
                Problem("SCHEMA_VALIDATION_FAILED", "The value for the field 'ExecutionType' must be one of [STANDARD, EXPRESS]", $"{configAt}/ExecutionType");
            }
        }

        if (mode != "DISTRIBUTED")
        {
            foreach (var distributedOnly in new[] { "ItemReader", "ItemBatcher", "ResultWriter", "Label" })
            {
                if (map.ContainsKey(distributedOnly))
                {
                    Problem("SCHEMA_VALIDATION_FAILED", $"The field '{distributedOnly}' is only supported for a Map state in DISTRIBUTED mode", $"{at}/{distributedOnly}");
                }
            }

            return null;
        }

        if (executionType is null)
        {
            Problem("SCHEMA_VALIDATION_FAILED", "The field 'ExecutionType' is required when 'Mode' is DISTRIBUTED", configAt);
        }

        var label = OptionalString(map, "Label", at);
        if (label is not null)
        {
            if (label.Length > MaxLabelLength)
            {
                Problem("SCHEMA_VALIDATION_FAILED", $"Label must be at most {MaxLabelLength} characters", $"{at}/Label");
            }

            var bad = label.FirstOrDefault(c => DistributedMapSettings.LabelForbiddenCharacters.Contains(c) || char.IsControl(c));
            if (bad != default)
            {
                Problem("SCHEMA_VALIDATION_FAILED", $"Label contains invalid character: '{bad}'", $"{at}/Label");
            }
        }

        return new DistributedMapSettings(executionType ?? "STANDARD", label)
        {
            ItemReader = map["ItemReader"] is { } reader ? ReadItemReader(reader, $"{at}/ItemReader") : null,
            ItemBatcher = map["ItemBatcher"] is { } batcher ? ReadItemBatcher(batcher, $"{at}/ItemBatcher") : null,
            ResultWriter = map["ResultWriter"] is { } writer ? ReadResultWriter(writer, $"{at}/ResultWriter") : null,
        };
    }

    private ItemReaderDefinition? ReadItemReader(JsonNode node, string at)
    {
        if (node is not JsonObject obj)
        {
            Problem("SCHEMA_VALIDATION_FAILED", "The field 'ItemReader' must be an object", at);
            return null;
        }

        foreach (var (key, _) in obj)
        {
            if (key is not ("Resource" or "Parameters" or "ReaderConfig"))
            {
                Problem("SCHEMA_VALIDATION_FAILED", $"Field '{key}' is not supported", $"{at}/{key}");
            }
        }

        var resourceText = RequiredString(obj, "Resource", at);
        ItemReaderResource? resource = resourceText switch
        {
            GetObjectResource => ItemReaderResource.GetObject,
            ListObjectsResource => ItemReaderResource.ListObjectsV2,
            null => null,
            _ => null,
        };
        if (resourceText is not null && resource is null)
        {
            Problem("SCHEMA_VALIDATION_FAILED", $"The ItemReader resource '{resourceText}' is not supported (use {GetObjectResource} or {ListObjectsResource})", $"{at}/Resource");
        }

        var parameters = Template(obj, "Parameters", at);
        if (parameters is null)
        {
            Problem("SCHEMA_VALIDATION_FAILED", "The field 'Parameters' is required", at);
        }

        var configAt = $"{at}/ReaderConfig";
        var config = obj["ReaderConfig"] as JsonObject ?? new JsonObject();
        foreach (var (key, _) in config)
        {
            if (key is not ("InputType" or "CSVHeaderLocation" or "CSVHeaders" or "MaxItems" or "MaxItemsPath"))
            {
                Problem("SCHEMA_VALIDATION_FAILED", $"Field '{key}' is not supported", $"{configAt}/{key}");
            }
        }

        var inputType = OptionalString(config, "InputType", configAt);
        if (resource == ItemReaderResource.GetObject && inputType is not ("JSON" or "JSONL" or "CSV"))
        {
            Problem("SCHEMA_VALIDATION_FAILED", "The field 'InputType' of ReaderConfig must be one of [JSON, JSONL, CSV] for s3:getObject", $"{configAt}/InputType");
        }
        else if (resource == ItemReaderResource.ListObjectsV2 && inputType is not null)
        {
            Problem("SCHEMA_VALIDATION_FAILED", "The field 'InputType' is not supported for s3:listObjectsV2", $"{configAt}/InputType");
        }

        var headerLocation = OptionalString(config, "CSVHeaderLocation", configAt);
        List<string>? headers = null;
        if (inputType == "CSV")
        {
            headerLocation ??= "FIRST_ROW";
            if (headerLocation is not ("FIRST_ROW" or "GIVEN"))
            {
                Problem("SCHEMA_VALIDATION_FAILED", "The value for the field 'CSVHeaderLocation' must be one of [FIRST_ROW, GIVEN]", $"{configAt}/CSVHeaderLocation");
            }

            if (config["CSVHeaders"] is JsonArray list)
            {
                headers = [];
                foreach (var header in list)
                {
                    if (JsonText.TryGetString(header, out var text))
                    {
                        headers.Add(text);
                    }
                    else
                    {
                        Problem("SCHEMA_VALIDATION_FAILED", "CSVHeaders must be an array of strings", $"{configAt}/CSVHeaders");
                    }
                }
            }

            if (headerLocation == "GIVEN" && headers is null)
            {
                Problem("SCHEMA_VALIDATION_FAILED", "CSVHeaders is required when CSVHeaderLocation is GIVEN", configAt);
            }
            else if (headerLocation == "FIRST_ROW" && headers is not null)
            {
                Problem("SCHEMA_VALIDATION_FAILED", "CSVHeaders can only be given when CSVHeaderLocation is GIVEN", $"{configAt}/CSVHeaders");
            }
        }
        else if (headerLocation is not null || config.ContainsKey("CSVHeaders"))
        {
            Problem("SCHEMA_VALIDATION_FAILED", "CSVHeaderLocation and CSVHeaders apply only to the CSV InputType", configAt);
        }

        int? maxItems = null;
        if (config.TryGetPropertyValue("MaxItems", out var mi))
        {
            maxItems = NonNegativeInt(mi, $"{configAt}/MaxItems");
            if (maxItems > ItemReaderDefinition.MaxItemsLimit)
            {
                Problem("SCHEMA_VALIDATION_FAILED", $"MaxItems must be at most {ItemReaderDefinition.MaxItemsLimit}", $"{configAt}/MaxItems");
            }
        }

        return resource is null || parameters is null
            ? null
            : new ItemReaderDefinition(resource.Value, parameters)
            {
                InputType = inputType,
                CsvHeaderLocation = headerLocation,
                CsvHeaders = headers,
                MaxItems = maxItems,
                MaxItemsPath = ReferencePath(config, "MaxItemsPath", configAt),
            };
    }

    private ItemBatcherDefinition? ReadItemBatcher(JsonNode node, string at)
    {
        if (node is not JsonObject obj)
        {
            Problem("SCHEMA_VALIDATION_FAILED", "The field 'ItemBatcher' must be an object", at);
            return null;
        }

        foreach (var (key, _) in obj)
        {
            if (key is not ("MaxItemsPerBatch" or "MaxItemsPerBatchPath" or "MaxInputBytesPerBatch" or "MaxInputBytesPerBatchPath" or "BatchInput"))
            {
                Problem("SCHEMA_VALIDATION_FAILED", $"Field '{key}' is not supported", $"{at}/{key}");
            }
        }

        var maxItems = obj.TryGetPropertyValue("MaxItemsPerBatch", out var mi) ? PositiveInt(mi, $"{at}/MaxItemsPerBatch") : null;
        var maxBytes = obj.TryGetPropertyValue("MaxInputBytesPerBatch", out var mb) ? PositiveInt(mb, $"{at}/MaxInputBytesPerBatch") : null;
        if (maxBytes > ItemBatcherDefinition.MaxBytesLimit)
        {
            Problem("SCHEMA_VALIDATION_FAILED", $"MaxInputBytesPerBatch must be at most {ItemBatcherDefinition.MaxBytesLimit}", $"{at}/MaxInputBytesPerBatch");
        }

        var batcher = new ItemBatcherDefinition
        {
            MaxItemsPerBatch = maxItems,
            MaxItemsPerBatchPath = ReferencePath(obj, "MaxItemsPerBatchPath", at),
            MaxInputBytesPerBatch = maxBytes,
            MaxInputBytesPerBatchPath = ReferencePath(obj, "MaxInputBytesPerBatchPath", at),
            BatchInput = Template(obj, "BatchInput", at),
        };
        if (batcher.MaxItemsPerBatch is null && batcher.MaxItemsPerBatchPath is null && batcher.MaxInputBytesPerBatch is null && batcher.MaxInputBytesPerBatchPath is null)
        {
            Problem("SCHEMA_VALIDATION_FAILED", "ItemBatcher must set at least one of MaxItemsPerBatch, MaxItemsPerBatchPath, MaxInputBytesPerBatch, MaxInputBytesPerBatchPath", at);
        }

        return batcher;
    }

    private ResultWriterDefinition? ReadResultWriter(JsonNode node, string at)
    {
        if (node is not JsonObject obj)
        {
            Problem("SCHEMA_VALIDATION_FAILED", "The field 'ResultWriter' must be an object", at);
            return null;
        }

        foreach (var (key, _) in obj)
        {
            if (key is "WriterConfig")
            {
                Problem("UNSUPPORTED_FEATURE", "ResultWriter.WriterConfig is not supported yet by local-cloud", $"{at}/{key}");
            }
            else if (key is not ("Resource" or "Parameters"))
            {
                Problem("SCHEMA_VALIDATION_FAILED", $"Field '{key}' is not supported", $"{at}/{key}");
            }
        }

        var resource = RequiredString(obj, "Resource", at);
        if (resource is not null && resource != PutObjectResource)
        {
            Problem("SCHEMA_VALIDATION_FAILED", $"The ResultWriter resource must be {PutObjectResource}", $"{at}/Resource");
        }

        var parameters = Template(obj, "Parameters", at);
        if (parameters is null)
        {
            Problem("SCHEMA_VALIDATION_FAILED", "The field 'Parameters' is required", at);
            return null;
        }

        return new ResultWriterDefinition(parameters);
    }
}
