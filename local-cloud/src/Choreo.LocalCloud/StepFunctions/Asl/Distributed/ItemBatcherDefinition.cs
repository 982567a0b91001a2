using Choreo.LocalCloud.StepFunctions.Asl.Paths;
using Choreo.LocalCloud.StepFunctions.Asl.States;

namespace Choreo.LocalCloud.StepFunctions.Asl.Distributed;

/// <summary>
/// A Distributed Map's ItemBatcher: children receive <c>{"BatchInput": …, "Items": [...]}</c> holding at most
/// MaxItemsPerBatch items and at most MaxInputBytesPerBatch bytes (AWS's ceiling: 256 KB).
/// </summary>
public sealed record ItemBatcherDefinition
{
    public const int MaxBytesLimit = 262_144;

    public int? MaxItemsPerBatch { get; init; }

    public JsonPath? MaxItemsPerBatchPath { get; init; }

    public int? MaxInputBytesPerBatch { get; init; }

    public JsonPath? MaxInputBytesPerBatchPath { get; init; }

    public PayloadTemplate? BatchInput { get; init; }
}
