using System.Globalization;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Choreo.LocalCloud.StepFunctions.Api;
using Choreo.LocalCloud.StepFunctions.Asl.Distributed;
using Choreo.LocalCloud.StepFunctions.Asl.Json;
using Choreo.LocalCloud.StepFunctions.Asl.Paths;
using Choreo.LocalCloud.StepFunctions.Asl.States;
using Choreo.LocalCloud.StepFunctions.Execution;

namespace Choreo.LocalCloud.StepFunctions.MapRuns;

/// <summary>
/// Runs one entry into a Distributed Map state: starts (or, on redrive, resumes) its Map Run, reads and
/// batches the items, runs each batch or item as a child execution at most MaxConcurrency at a time, stops
/// when failures pass the tolerated threshold, and exports results when a ResultWriter is set.
/// </summary>
public sealed class DistributedMapRunner(MapState state, DistributedMapSettings settings, StateInvocation invocation)
{
    public const string ToleratedFailureCause = "The specified tolerated failure threshold was exceeded";

    private readonly ExecutionRun _parent = invocation.Run;

    public async Task<JsonNode?> RunAsync(
        JsonNode? effectiveInput, Func<List<JsonNode?>> itemsFromInput, int maxConcurrency, int? toleratedCount, double? toleratedPercentage)
    {
        var services = _parent.Services;
        var mapRun = _parent.IsRedriving ? services.MapRuns.Latest(_parent.ExecutionArn, state.Name) : null;
        if (mapRun is not null && mapRun.Status is MapRunStatus.FAILED or MapRunStatus.ABORTED)
        {
            invocation.AddEvent("MapStateStarted", "mapStateStartedEventDetails", () => new JsonObject { ["length"] = 0 });
            mapRun.BeginRedrive(services.Clock.UtcNow);
            invocation.AddEvent("MapRunRedriven", "mapRunRedrivenEventDetails", () => new JsonObject
            {
                ["mapRunArn"] = mapRun.Arn,
                ["redriveCount"] = mapRun.RedriveCount,
            });
        }
        else
        {
            var inputItems = settings.ItemReader is null ? itemsFromInput() : null;
            invocation.AddEvent("MapStateStarted", "mapStateStartedEventDetails", () => new JsonObject { ["length"] = inputItems?.Count ?? 0 });
            mapRun = Create(maxConcurrency, toleratedCount, toleratedPercentage);
            invocation.AddEvent("MapRunStarted", "mapRunStartedEventDetails", () => new JsonObject { ["mapRunArn"] = mapRun.Arn });
            try
            {
                var items = inputItems ?? ReadItems(effectiveInput);
                mapRun.AddChildren(Children(items, effectiveInput));
            }
            catch (Exception e) when (e is StatesFailure or StateError)
            {
                var failure = e as StatesFailure ?? invocation.Fail((StateError)e);
                mapRun.Close(MapRunStatus.FAILED, services.Clock.UtcNow);
                Failed(failure);
            }
        }

        var exceeded = await RunChildrenAsync(mapRun).ConfigureAwait(false);
        mapRun.Close(exceeded ? MapRunStatus.FAILED : MapRunStatus.SUCCEEDED, services.Clock.UtcNow);

        string? manifestKey = null;
        string? resultBucket = null;
        if (settings.ResultWriter is { } writer)
        {
            var parameters = writer.Parameters.Evaluate(new PathScope(effectiveInput, invocation.Context));
            resultBucket = parameters is JsonObject p && JsonText.TryGetString(p["Bucket"], out var b) ? b : null;
            var prefix = parameters is JsonObject q && JsonText.TryGetString(q["Prefix"], out var x) ? x : null;
            try
            {
                manifestKey = resultBucket is null
                    ? throw new StatesFailure(MapRunResultExport.ResultWriterFailed, "The ResultWriter Parameters must name a Bucket")
                    : new MapRunResultExport(services.Buckets, _parent.Account.AccountId).Write(mapRun, resultBucket, prefix);
            }
            catch (StatesFailure failure) when (!exceeded)
            {
                mapRun.Close(MapRunStatus.FAILED, services.Clock.UtcNow);
                Failed(failure);
            }
        }

        if (exceeded)
        {
            Failed(new StatesFailure(StatesErrorNames.ExceedToleratedFailureThreshold, ToleratedFailureCause));
        }

        invocation.AddEvent("MapRunSucceeded");
        invocation.AddEvent("MapStateSucceeded");
        if (manifestKey is not null)
        {
            return new JsonObject
            {
                ["MapRunArn"] = mapRun.Arn,
                ["ResultWriterDetails"] = new JsonObject { ["Bucket"] = resultBucket, ["Key"] = manifestKey },
            };
        }

        var output = new JsonArray();
        foreach (var child in mapRun.Children)
        {
            var run = child.Execution!;
            if (run.Status == ExecutionStatus.SUCCEEDED)
            {
                output.Add(run.Output is null ? null : JsonText.Parse(run.Output));
                continue;
            }

            var error = new JsonObject { ["Error"] = run.Error };
            if (run.Cause is not null)
            {
                error["Cause"] = run.Cause;
            }

            output.Add(error);
        }

        return output;
    }

    private void Failed(StatesFailure failure)
    {
        invocation.AddEvent("MapRunFailed", "mapRunFailedEventDetails", () =>
        {
            var details = new JsonObject { ["error"] = failure.Error };
            if (failure.Cause is not null)
            {
                details["cause"] = failure.Cause;
            }

            return details;
        });
        invocation.AddEvent("MapStateFailed");
        throw failure;
    }

    private MapRun Create(int maxConcurrency, int? toleratedCount, double? toleratedPercentage)
    {
        var services = _parent.Services;
        var machine = _parent.StateMachine;
        var label = settings.Label ?? Guid.NewGuid().ToString("N")[..8];
        var childName = $"{machine.Name}/{label}";
        var childMachine = new StateMachineRecord(
            StatesArn.StateMachine(machine.Account, childName), childName, machine.Account, settings.ExecutionType,
            machine.Definition, state.ItemProcessor, machine.RoleArn, services.Clock.UtcNow);
        var arn = $"arn:aws:states:{machine.Account.Region}:{machine.Account.AccountId}:mapRun:{childName}:{Guid.NewGuid()}";
        var mapRun = new MapRun(arn, _parent, state.Name, childMachine, services.Clock.UtcNow)
        {
            MaxConcurrency = maxConcurrency,
            ToleratedFailureCount = toleratedCount ?? 0,
            ToleratedFailurePercentage = toleratedPercentage ?? 0,
            CountSet = toleratedCount is not null,
            PercentageSet = toleratedPercentage is not null,
        };
        services.MapRuns.Add(mapRun);
        return mapRun;
    }

    private List<JsonNode?> ReadItems(JsonNode? effectiveInput)
    {
        var reader = settings.ItemReader!;
        var parameters = reader.Parameters.Evaluate(new PathScope(effectiveInput, invocation.Context));
        var maxItems = reader.MaxItems ?? 0;
        if (reader.MaxItemsPath is { } path)
        {
            maxItems = ReadLimit(path, effectiveInput, "MaxItemsPath", ItemReaderDefinition.MaxItemsLimit);
        }

        return new S3ItemSource(_parent.Services.Buckets, _parent.Account.AccountId).Read(reader, parameters, maxItems);
    }

    private List<MapRunChild> Children(List<JsonNode?> items, JsonNode? effectiveInput)
    {
        var selected = new List<JsonNode?>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            selected.Add(state.ItemSelector is null
                ? items[i]
                : state.ItemSelector.Evaluate(new PathScope(effectiveInput, invocation.Context.WithMapItem(i, items[i]))));
        }

        var children = new List<MapRunChild>();
        if (settings.ItemBatcher is not { } batcher)
        {
            for (var i = 0; i < selected.Count; i++)
            {
                children.Add(new MapRunChild(i, 1, JsonText.Serialize(selected[i])));
            }

            return children;
        }

        var maxItems = batcher.MaxItemsPerBatchPath is { } mip
            ? ReadLimit(mip, effectiveInput, "MaxItemsPerBatchPath", int.MaxValue)
            : batcher.MaxItemsPerBatch ?? 0;
        var maxBytes = batcher.MaxInputBytesPerBatchPath is { } mbp
            ? ReadLimit(mbp, effectiveInput, "MaxInputBytesPerBatchPath", ItemBatcherDefinition.MaxBytesLimit)
            : batcher.MaxInputBytesPerBatch ?? ItemBatcherDefinition.MaxBytesLimit;
        if (maxItems <= 0)
        {
            maxItems = int.MaxValue;
        }

        if (maxBytes <= 0)
        {
            maxBytes = ItemBatcherDefinition.MaxBytesLimit;
        }

        var batchInput = batcher.BatchInput?.Evaluate(new PathScope(effectiveInput, invocation.Context));
        var batchInputBytes = batchInput is null ? 0 : JsonText.Utf8Size(batchInput) + 14;
        var batch = new List<JsonNode?>();
        var bytes = batchInputBytes + 12;
        foreach (var item in selected)
        {
            var size = JsonText.Utf8Size(item) + 1;
            if (batch.Count > 0 && (batch.Count >= maxItems || bytes + size > maxBytes))
            {
                Flush();
            }

            batch.Add(item);
            bytes += size;
        }

        if (batch.Count > 0)
        {
            Flush();
        }

        return children;

        void Flush()
        {
            var input = new JsonObject();
            if (batchInput is not null)
            {
                input["BatchInput"] = batchInput.DeepClone();
            }

            var array = new JsonArray();
            foreach (var item in batch)
            {
                array.Add(JsonText.Detach(item));
            }

            input["Items"] = array;
            children.Add(new MapRunChild(children.Count, batch.Count, JsonText.Serialize(input)));
            batch = [];
            bytes = batchInputBytes + 12;
        }
    }

    /// <summary>Runs every child not yet successful; true when failures passed the tolerated threshold.</summary>
    private async Task<bool> RunChildrenAsync(MapRun mapRun)
    {
        var services = _parent.Services;
        var all = mapRun.Children;
        var totalItems = all.Sum(c => (long)c.ItemCount);
        var toRun = new Queue<MapRunChild>(all.Where(c => !c.Succeeded));
        var completed = Channel.CreateUnbounded<MapRunChild?>();
        void Wake() => completed.Writer.TryWrite(null);
        mapRun.SettingsChanged += Wake;
        var running = new HashSet<MapRunChild>();
        long failedItems = 0;
        var exceeded = false;
        using var abortOnStop = invocation.Cancellation.Register(() => Abort(running, mapRun));
        try
        {
            while (true)
            {
                while (!exceeded && toRun.Count > 0 && running.Count < mapRun.EffectiveConcurrency && !invocation.Cancellation.IsCancellationRequested)
                {
                    var child = toRun.Dequeue();
                    Start(mapRun, child, services);
                    lock (running)
                    {
                        running.Add(child);
                    }

                    // A stop that took its snapshot of the running children before this one joined them
                    // has already raised the cancellation flag: stop the newcomer here so it cannot outlive its parent.
                    if (invocation.Cancellation.IsCancellationRequested)
                    {
                        StopChild(child, mapRun);
                    }

                    _ = child.Execution!.Completion.ContinueWith(_ => completed.Writer.TryWrite(child), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                }

                if (running.Count == 0)
                {
                    break;
                }

                MapRunChild? done;
                try
                {
                    done = await invocation.Thread.WaitAsync(completed.Reader.ReadAsync(invocation.Cancellation).AsTask()).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    mapRun.Close(MapRunStatus.ABORTED, services.Clock.UtcNow);
                    throw;
                }

                if (done is null || !running.Contains(done))
                {
                    continue;
                }

                lock (running)
                {
                    running.Remove(done);
                }

                if (!done.Succeeded && !exceeded)
                {
                    failedItems += done.ItemCount;
                    if (mapRun.ThresholdExceeded(failedItems, totalItems))
                    {
                        exceeded = true;
                        Abort(running, mapRun);
                    }
                }
            }
        }
        finally
        {
            mapRun.SettingsChanged -= Wake;
        }

        // The parent was stopped or timed out while its children wound down: the run is aborted, not failed.
        if (invocation.Cancellation.IsCancellationRequested)
        {
            mapRun.Close(MapRunStatus.ABORTED, services.Clock.UtcNow);
            invocation.Cancellation.ThrowIfCancellationRequested();
        }

        return exceeded;
    }

    private void Start(MapRun mapRun, MapRunChild child, ExecutionServices services)
    {
        var name = Guid.NewGuid().ToString();
        var arn = StatesArn.Execution(mapRun.ChildMachine.Account, mapRun.ChildMachine.Name, name, settings.ExpressChildren);
        var run = new ExecutionRun(mapRun.ChildMachine, arn, name, child.Input, services) { MapRunArn = mapRun.Arn };
        child.Execution = run;
        services.ExecutionStarted?.Invoke(run);
        run.Start();
    }

    private static void Abort(HashSet<MapRunChild> running, MapRun mapRun)
    {
        MapRunChild[] snapshot;
        lock (running)
        {
            snapshot = running.ToArray();
        }

        foreach (var child in snapshot)
        {
            StopChild(child, mapRun);
        }
    }

    private static void StopChild(MapRunChild child, MapRun mapRun) =>
        child.Execution?.Stop(null, $"The Map Run {mapRun.Arn} was stopped");

    private int ReadLimit(JsonPath path, JsonNode? input, string field, int max)
    {
        var root = path.IsContext ? invocation.Context.RootFor(path) : input;
        if (path.TrySelectSingle(root, out var value) && JsonText.IsNumber(value) &&
            int.TryParse(JsonText.NumberText(value!), NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 0 && number <= max)
        {
            return number;
        }

        var shown = value is null ? "null" : JsonText.Serialize(value);
        throw StateError.Runtime($"The {field} field refers to value \"{shown}\" which is not a valid integer between 0 and {max}: {path.Text}");
    }
}
