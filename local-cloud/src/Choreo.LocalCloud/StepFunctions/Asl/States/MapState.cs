using System.Globalization;
using System.Text.Json.Nodes;
using Choreo.LocalCloud.StepFunctions.Asl.Distributed;
using Choreo.LocalCloud.StepFunctions.Asl.Json;
using Choreo.LocalCloud.StepFunctions.Asl.Paths;
using Choreo.LocalCloud.StepFunctions.Execution;
using Choreo.LocalCloud.StepFunctions.MapRuns;

namespace Choreo.LocalCloud.StepFunctions.Asl.States;

/// <summary>
/// Map: inline, it runs the item processor once per item of ItemsPath (at most MaxConcurrency at a time, and
/// never more than AWS's 40 for inline maps), collecting outputs in item order; distributed, a
/// <see cref="DistributedMapRunner"/> runs the items as child executions of a Map Run.
/// </summary>
public sealed class MapState : RecoverableState
{
    /// <summary>AWS runs at most 40 inline iterations at a time.</summary>
    public const int InlineConcurrencyLimit = 40;

    public override string Type => "Map";

    public required StateGraph ItemProcessor { get; init; }

    public DataPath ItemsPath { get; init; } = DataPath.Root;

    /// <summary>ItemSelector, or the older Parameters field (which means the same for Map).</summary>
    public PayloadTemplate? ItemSelector { get; init; }

    public int MaxConcurrency { get; init; }

    public JsonPath? MaxConcurrencyPath { get; init; }

    public int? ToleratedFailureCount { get; init; }

    public JsonPath? ToleratedFailureCountPath { get; init; }

    public double? ToleratedFailurePercentage { get; init; }

    public JsonPath? ToleratedFailurePercentagePath { get; init; }

    /// <summary>Set when ProcessorConfig.Mode is DISTRIBUTED: iterations run as child executions of a Map Run.</summary>
    public DistributedMapSettings? Distributed { get; init; }

    protected override async Task<JsonNode?> ExecuteOnceAsync(StateInvocation invocation, JsonNode? effectiveInput)
    {
        var maxConcurrency = MaxConcurrencyPath is { } mcp ? ReadInteger(invocation, mcp, effectiveInput, "MaxConcurrencyPath") : MaxConcurrency;
        var toleratedCount = ToleratedFailureCountPath is { } tcp
            ? ReadInteger(invocation, tcp, effectiveInput, "ToleratedFailureCountPath")
            : ToleratedFailureCount;
        var toleratedPercentage = ToleratedFailurePercentagePath is { } tpp
            ? ReadPercentage(invocation, tpp, effectiveInput)
            : ToleratedFailurePercentage;
        if (Distributed is { } distributed)
        {
            return await new DistributedMapRunner(this, distributed, invocation)
                .RunAsync(effectiveInput, () => ReadItems(invocation, effectiveInput), maxConcurrency, toleratedCount, toleratedPercentage)
                .ConfigureAwait(false);
        }

        var items = ReadItems(invocation, effectiveInput);
        var tolerant = toleratedCount is not null || toleratedPercentage is not null;

        var run = invocation.Run;
        invocation.AddEvent("MapStateStarted", "mapStateStartedEventDetails", () => new JsonObject { ["length"] = items.Count });

        var results = new JsonNode?[items.Count];
        var workers = Math.Min(items.Count, maxConcurrency <= 0 ? InlineConcurrencyLimit : Math.Min(maxConcurrency, InlineConcurrencyLimit));
        using var abort = CancellationTokenSource.CreateLinkedTokenSource(invocation.Cancellation);
        var next = -1;
        var failures = 0;
        StatesFailure? fatal = null;
        var gate = new object();

        async Task WorkAsync(ExecutionThread thread)
        {
            try
            {
                while (!abort.IsCancellationRequested)
                {
                    var index = Interlocked.Increment(ref next);
                    if (index >= items.Count)
                    {
                        return;
                    }

                    var item = items[index];
                    run.AddEvent(thread, "MapIterationStarted", "mapIterationStartedEventDetails", () => Iteration(index));
                    try
                    {
                        var iterationInput = ItemSelector is null
                            ? item?.DeepClone()
                            : ItemSelector.Evaluate(new PathScope(effectiveInput, invocation.Context.WithMapItem(index, item)));
                        results[index] = await run.RunGraphAsync(ItemProcessor, iterationInput, thread, abort.Token).ConfigureAwait(false);
                        run.AddEvent(thread, "MapIterationSucceeded", "mapIterationSucceededEventDetails", () => Iteration(index));
                    }
                    catch (StateError e)
                    {
                        Fail(thread, index, invocation.Fail(e));
                    }
                    catch (StatesFailure failure)
                    {
                        Fail(thread, index, failure);
                    }
                }
            }
            finally
            {
                thread.Dispose();
            }
        }

        void Fail(ExecutionThread thread, int index, StatesFailure failure)
        {
            run.AddEvent(thread, "MapIterationFailed", "mapIterationFailedEventDetails", () => Iteration(index));
            lock (gate)
            {
                failures++;
                if (tolerant && !Exceeded(failures, items.Count, toleratedCount, toleratedPercentage))
                {
                    var errorOutput = new JsonObject { ["Error"] = failure.Error };
                    if (failure.Cause is not null)
                    {
                        errorOutput["Cause"] = failure.Cause;
                    }

                    results[index] = errorOutput;
                    return;
                }

                fatal ??= tolerant
                    ? new StatesFailure(StatesErrorNames.ExceedToleratedFailureThreshold, "The specified tolerated failure threshold was exceeded")
                    : failure;
            }

            abort.Cancel();
        }

        JsonObject Iteration(int index) => new() { ["name"] = Name, ["index"] = index };

        if (workers == 1)
        {
            // One line of work: no fork needed, the map's own thread runs the iterations.
            var single = invocation.Thread.Fork();
            await invocation.Thread.WaitAsync(WorkAsync(single)).ConfigureAwait(false);
        }
        else if (workers > 1)
        {
            var tasks = new Task[workers];
            for (var w = 0; w < workers; w++)
            {
                var thread = invocation.Thread.Fork();
                tasks[w] = Task.Run(() => WorkAsync(thread));
            }

            try
            {
                await invocation.Thread.WaitAsync(Task.WhenAll(tasks)).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (fatal is not null)
            {
            }
        }

        if (fatal is not null)
        {
            invocation.AddEvent("MapStateFailed");
            throw fatal;
        }

        invocation.Cancellation.ThrowIfCancellationRequested();
        invocation.AddEvent("MapStateSucceeded");
        var array = new JsonArray();
        foreach (var result in results)
        {
            array.Add(JsonText.Detach(result));
        }

        return array;
    }

    private static bool Exceeded(int failures, int total, int? count, double? percentage) =>
        (count is int c && failures > c) ||
        (percentage is double p && total > 0 && failures * 100.0 / total > p) ||
        (count is null && percentage is null);

    private List<JsonNode?> ReadItems(StateInvocation invocation, JsonNode? input)
    {
        JsonNode? value = input;
        if (ItemsPath.Path is { } path && !ItemsPath.IsRoot)
        {
            var root = path.IsContext ? invocation.Context.RootFor(path) : input;
            if (!path.TrySelectSingle(root, out value))
            {
                throw StateError.Runtime($"Invalid path '{path.Text}' : No results for path: {path.Canonical}");
            }
        }

        if (value is not JsonArray array)
        {
            throw StateError.Runtime(
                $"Map state input must be an array, but the ItemsPath '{ItemsPath.Path?.Text ?? "$"}' refers to {JsonText.Serialize(value)}");
        }

        return [.. array];
    }

    private static int ReadInteger(StateInvocation invocation, JsonPath path, JsonNode? input, string field)
    {
        var root = path.IsContext ? invocation.Context.RootFor(path) : input;
        if (path.TrySelectSingle(root, out var value) && JsonText.IsNumber(value) &&
            int.TryParse(JsonText.NumberText(value!), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) && number >= 0)
        {
            return number;
        }

        var shown = value is null ? "null" : JsonText.TryGetString(value, out var s) ? s : JsonText.Serialize(value);
        throw StateError.Runtime($"The {field} field refers to value \"{shown}\" which is not a valid integer: {path.Text}");
    }

    private static double ReadPercentage(StateInvocation invocation, JsonPath path, JsonNode? input)
    {
        var root = path.IsContext ? invocation.Context.RootFor(path) : input;
        if (path.TrySelectSingle(root, out var value) && JsonText.TryGetDouble(value, out var number) && number is >= 0 and <= 100)
        {
            return number;
        }

        throw StateError.Runtime(
            $"The ToleratedFailurePercentagePath field refers to value \"{JsonText.Serialize(value)}\" which is not a valid percentage: {path.Text}");
    }
}
