
namespace Choreo.LocalCloud.StepFunctions.Asl.Distributed;

/// <summary>
/// What makes a Map state distributed: its children's type (STANDARD or EXPRESS), where items come from,
/// how they are batched, where results go, and the Label that names its Map Runs.
/// </summary>
public sealed record DistributedMapSettings(string ExecutionType, string? Label)
{
    /// <summary>AWS runs at most 10,000 child executions of one Map Run at a time; 0 means "as many as allowed".</summary>
    public const int ConcurrencyLimit = 10_000;

    public bool ExpressChildren => ExecutionType == "EXPRESS";

    public ItemReaderDefinition? ItemReader { get; init; }

    public ItemBatcherDefinition? ItemBatcher { get; init; }

    public ResultWriterDefinition? ResultWriter { get; init; }

    /// <summary>Characters AWS refuses in a Label (they would break the Map Run ARN).</summary>
    public static readonly char[] LabelForbiddenCharacters = [' ', '?', '*', '<', '>', '{', '}', '[', ']', ':', ';', ',', '\\', '|', '^', '~', '$', '#', '%', '&', '`', '"'];
}
