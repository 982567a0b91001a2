using System.Text.Json.Nodes;
using Choreo.LocalCloud.StepFunctions.Asl.Json;
using Choreo.LocalCloud.StepFunctions.Asl.Paths;
using Choreo.LocalCloud.StepFunctions.Execution;

namespace Choreo.LocalCloud.StepFunctions.Asl.States;

/// <summary>
/// A state of the JSONPath query language. Subclasses run their own kind; this class applies the
/// InputPath / ResultPath / OutputPath steps the way AWS does.
/// </summary>
public abstract class AslState
{
    public required string Name { get; init; }

    public string? Next { get; init; }

    public bool End { get; init; }

    public DataPath InputPath { get; init; } = DataPath.Root;

    public DataPath OutputPath { get; init; } = DataPath.Root;

    /// <summary>The type as history events spell it: Pass, Task, Choice, Wait, Succeed, Fail, Parallel, Map.</summary>
    public abstract string Type { get; }

    /// <summary>Whether this state writes a <c>…StateExited</c> event (every state except Fail).</summary>
    public virtual bool HasExitEvent => true;

    public abstract ValueTask<StateResult> ExecuteAsync(StateInvocation invocation, JsonNode? rawInput);

    protected JsonNode? ApplyInputPath(StateInvocation invocation, JsonNode? rawInput) =>
        Select(InputPath, invocation, rawInput);

    protected JsonNode? ApplyOutputPath(StateInvocation invocation, JsonNode? value) =>
        Select(OutputPath, invocation, value);

    protected static PathScope Scope(StateInvocation invocation, JsonNode? input) => new(input, invocation.Context);

    private static JsonNode? Select(DataPath dataPath, StateInvocation invocation, JsonNode? value)
    {
        if (dataPath.Path is not { } path)
        {
            return new JsonObject();
        }

        if (dataPath.IsRoot)
        {
            return value;
        }

        var root = path.IsContext ? invocation.Context.RootFor(path) : value;
        if (!path.TrySelectSingle(root, out var selected))
        {
            throw StateError.Runtime($"Invalid path '{path.Text}' : No results for path: {path.Canonical}");
        }

        return selected;
    }

    /// <summary>Places <paramref name="result"/> into <paramref name="rawInput"/> at <paramref name="resultPath"/>.</summary>
    protected static JsonNode? ApplyResultPath(DataPath resultPath, JsonNode? rawInput, JsonNode? result)
    {
        if (resultPath.Path is not { } path)
        {
            return rawInput;
        }

        if (resultPath.IsRoot)
        {
            return result;
        }

        var value = ReferenceEquals(result, rawInput) || result?.Parent is not null ? result?.DeepClone() : result;
        var segments = path.Segments;
        if (rawInput is not JsonObject && rawInput is not JsonArray)
        {
            throw new StateError(
                StatesErrorNames.Runtime,
                $"Unable to apply ResultPath '{path.Text}' to input '{JsonText.Serialize(rawInput)}': the input is not an object");
        }

        JsonNode current = rawInput;
        for (var i = 0; i < segments.Count; i++)
        {
            var last = i == segments.Count - 1;
            switch (segments[i], current)
            {
                case (FieldSegment f, JsonObject obj):
                    if (last)
                    {
                        obj[f.Name] = value;
                    }
                    else
                    {
                        if (!obj.TryGetPropertyValue(f.Name, out var child) || child is not (JsonObject or JsonArray))
                        {
                            child = new JsonObject();
                            obj[f.Name] = child;
                        }

                        current = child;
                    }

                    break;
                case (IndexSegment ix, JsonArray array) when ix.Index >= 0 && ix.Index < array.Count:
                    if (last)
                    {
                        array[ix.Index] = value;
                    }
                    else
                    {
                        current = array[ix.Index] ?? throw ResultPathFailure(path, rawInput);
                    }

                    break;
                default:
                    throw ResultPathFailure(path, rawInput);
            }
        }

        return rawInput;
    }

    private static StateError ResultPathFailure(JsonPath path, JsonNode? rawInput) =>
        new(StatesErrorNames.Runtime, $"Unable to apply ResultPath '{path.Text}' to input '{JsonText.Serialize(rawInput)}'");
}
