using Choreo.LocalCloud.StepFunctions.Asl.Paths;
using Choreo.LocalCloud.StepFunctions.Asl.States;

namespace Choreo.LocalCloud.StepFunctions.Asl.Distributed;

/// <summary>
/// A Distributed Map's ItemReader: an S3 object to read (<c>s3:getObject</c> with a ReaderConfig InputType of
/// JSON, JSONL or CSV) or a prefix to list (<c>s3:listObjectsV2</c>), optionally capped by MaxItems.
/// </summary>
public sealed record ItemReaderDefinition(ItemReaderResource Resource, PayloadTemplate Parameters)
{
    /// <summary>AWS's ceiling for ReaderConfig.MaxItems.</summary>
    public const int MaxItemsLimit = 100_000_000;

    /// <summary>JSON, JSONL or CSV for getObject; null for listObjectsV2.</summary>
    public string? InputType { get; init; }

    /// <summary>FIRST_ROW or GIVEN (CSV only).</summary>
    public string? CsvHeaderLocation { get; init; }

    public IReadOnlyList<string>? CsvHeaders { get; init; }

    public int? MaxItems { get; init; }

    public JsonPath? MaxItemsPath { get; init; }
}
