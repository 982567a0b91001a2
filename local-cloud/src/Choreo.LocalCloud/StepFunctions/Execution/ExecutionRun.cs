using System.Text;
using System.Text.Json.Nodes;
using Choreo.LocalCloud.Accounts;
using Choreo.LocalCloud.StepFunctions.Api;
using Choreo.LocalCloud.StepFunctions.Asl.Json;
using Choreo.LocalCloud.StepFunctions.Asl.States;

namespace Choreo.LocalCloud.StepFunctions.Execution;

/// <summary>
/// One execution: runs its state machine asynchronously on the thread pool, keeps its history, and
/// exposes status, output and error as DescribeExecution reports them.
/// </summary>
public sealed class ExecutionRun
{
    /// <summary>AWS's payload limit for state input and output: 256 KB.</summary>
    public const int MaxPayloadBytes = 262_144;

    /// <summary>AWS ends an Express execution after five minutes.</summary>
    public const int ExpressTimeoutSeconds = 300;

    /// <summary>AWS redrives an execution only within 14 days of its end.</summary>
    public static readonly TimeSpan RedriveWindow = TimeSpan.FromDays(14);

    // A line of work running states that never wait (a Pass/Choice loop) gives the thread pool back this often.
    private const int TransitionsBetweenYields = 256;

    private readonly JsonObject _sharedContext;
    private readonly object _gate = new();
    private CancellationTokenSource _stop = new();
    private TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    // Where a redrive resumes: the top-level state that was running when the execution ended, and its input.
    private string? _resumeState;
    private string? _resumeInput;

    public ExecutionRun(StateMachineRecord stateMachine, string executionArn, string name, string input, ExecutionServices services)
    {
        StateMachine = stateMachine;
        ExecutionArn = executionArn;
        Name = name;
        Input = input;
        Services = services;
        StartDate = services.Clock.UtcNow;
        History = new ExecutionHistory(enforceLimit: !stateMachine.IsExpress);
        _sharedContext = ContextObject.SharedPart(
            executionArn, name, JsonText.Parse(input), stateMachine.RoleArn, StartDate, stateMachine.Arn, stateMachine.Name);
    }

    public StateMachineRecord StateMachine { get; }

    public AccountContext Account => StateMachine.Account;

    public string ExecutionArn { get; }

    public string Name { get; }

    public string Input { get; }

    public ExecutionServices Services { get; }

    public ExecutionHistory History { get; }

    public DateTimeOffset StartDate { get; }

    public ExecutionStatus Status { get; private set; } = ExecutionStatus.RUNNING;

    public DateTimeOffset? StopDate { get; private set; }

    public string? Output { get; private set; }

    public string? Error { get; private set; }

    public string? Cause { get; private set; }

    /// <summary>The Map Run that started this execution as one of its children, if any.</summary>
    public string? MapRunArn { get; init; }

    public int RedriveCount { get; private set; }

    public DateTimeOffset? RedriveDate { get; private set; }

    /// <summary>True while a redriven execution runs (a Distributed Map then resumes its Map Run).</summary>
    public bool IsRedriving { get; private set; }

    /// <summary>Completes when the execution has ended, whatever its status (a redrive starts a new wait).</summary>
    public Task Completion
    {
        get
        {
            lock (_gate)
            {
                return _completion.Task;
            }
        }
    }

    /// <summary>Starts the execution in the background.</summary>
    public void Start()
    {
        // The first activity begins here, before the caller returns, so a virtual clock cannot move first.
        var thread = new ExecutionThread(Services.Activity, 0);
        _ = Task.Run(() => RunAsync(thread, StateMachine.Graph.StartAt, JsonText.Parse(Input), redriven: false));
    }

    /// <summary>Why RedriveExecution would refuse this execution now, or null if it may be redriven.</summary>
    public string? WhyNotRedrivable()
    {
        lock (_gate)
        {
            if (StateMachine.IsExpress)
            {
                return "Express executions cannot be redriven";
            }

            if (MapRunArn is not null)
            {
                return $"Execution is a child workflow execution of the Map Run {MapRunArn}; redrive its parent execution";
            }

            if (Status is ExecutionStatus.RUNNING or ExecutionStatus.SUCCEEDED)
            {
                return $"Execution is {Status} and cannot be redriven";
            }

            if (StopDate is { } stop && Services.Clock.UtcNow - stop > RedriveWindow)
            {
                return "Execution can only be redriven within 14 days of its end";
            }

            if (_resumeState is null)
            {
                return "Execution failed before any state ran, so there is nothing to redrive";
            }

            if (History.EnforcesLimit && History.Count >= ExecutionHistory.MaxEvents - 1)
            {
                return "Execution has reached the maximum number of history events (25000) and cannot be redriven";
            }

            return null;
        }
    }

    /// <summary>
    /// RedriveExecution: runs the execution again from the top-level state it ended in, with that state's input;
    /// false (nothing changed) when <see cref="WhyNotRedrivable"/> refuses.
    /// </summary>
    public bool Redrive()
    {
        string state;
        JsonNode? input;
        ExecutionThread thread;
        lock (_gate)
        {
            if (WhyNotRedrivable() is not null)
            {
                return false;
            }

            state = _resumeState!;
            input = JsonText.Parse(_resumeInput ?? "null");
            RedriveCount++;
            RedriveDate = Services.Clock.UtcNow;
            IsRedriving = true;
            Status = ExecutionStatus.RUNNING;
            StopDate = null;
            Output = null;
            Error = null;
            Cause = null;
            _stop = new CancellationTokenSource();
            _completion = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _sharedContext["Execution"]!["RedriveCount"] = RedriveCount;
            History.Reopen();
            thread = new ExecutionThread(Services.Activity, History.Count);
            var count = RedriveCount;
            AddEvent(thread, "ExecutionRedriven", "executionRedrivenEventDetails", () => new JsonObject { ["redriveCount"] = count });
        }

        _ = Task.Run(() => RunAsync(thread, state, input, redriven: true));
        return true;
    }

    /// <summary>StopExecution: aborts a running execution with the given error and cause.</summary>
    public bool Stop(string? error, string? cause)
    {
        lock (_gate)
        {
            if (Status != ExecutionStatus.RUNNING)
            {
                return false;
            }

            Error = error;
            Cause = cause;
            Close(ExecutionStatus.ABORTED, "ExecutionAborted", "executionAbortedEventDetails", Describe(error, cause), null);
        }

        _stop.Cancel();
        return true;
    }

    public long AddEvent(ExecutionThread thread, string type, string? detailsName = null, Func<JsonObject>? details = null)
    {
        var built = details is not null && History.IsRecording ? details() : null;
        var id = History.Append(Services.Clock.UtcNow, type, thread.LastEventId, detailsName, built);
        thread.LastEventId = id;
        return id;
    }

    /// <summary>Runs a graph (the machine, a branch, an iteration) from its StartAt to its end, returning its output.</summary>
    public Task<JsonNode?> RunGraphAsync(StateGraph graph, JsonNode? input, ExecutionThread thread, CancellationToken cancellationToken) =>
        RunGraphAsync(graph, graph.StartAt, input, thread, cancellationToken);

    private async Task<JsonNode?> RunGraphAsync(StateGraph graph, string startAt, JsonNode? input, ExecutionThread thread, CancellationToken cancellationToken)
    {
        var name = startAt;
        var current = input;
        var transitions = 0;
        var topLevel = ReferenceEquals(graph, StateMachine.Graph);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (++transitions % TransitionsBetweenYields == 0)
            {
                await Task.Yield();
            }

            var state = graph.States[name];
            var inputText = History.IsRecording || topLevel ? JsonText.Serialize(current) : null;
            if (topLevel && !StateMachine.IsExpress)
            {
                lock (_gate)
                {
                    _resumeState = name;
                    _resumeInput = inputText;
                }
            }

            var enteredId = AddEvent(thread, state.Type + "StateEntered", "stateEnteredEventDetails", () => new JsonObject
            {
                ["name"] = state.Name,
                ["input"] = inputText,
                ["inputDetails"] = new JsonObject { ["truncated"] = false },
            });
            var context = ContextObject.ForState(_sharedContext, state.Name, Services.Clock.UtcNow);
            var invocation = new StateInvocation(this, thread, state, enteredId, context, cancellationToken);
            StateResult result;
            try
            {
                result = await state.ExecuteAsync(invocation, current).ConfigureAwait(false);
            }
            catch (StateError e)
            {
                throw invocation.Fail(e);
            }

            var output = JsonText.Detach(result.Output);
            var outputText = JsonText.Serialize(output);
            if (Encoding.UTF8.GetByteCount(outputText) > MaxPayloadBytes)
            {
                throw new StatesFailure(
                    StatesErrorNames.DataLimitExceeded,
                    $"The state/task '{state.Name}' returned a result with a size exceeding the maximum number of bytes service limit.");
            }

            if (state.HasExitEvent)
            {
                AddEvent(thread, state.Type + "StateExited", "stateExitedEventDetails", () => new JsonObject
                {
                    ["name"] = state.Name,
                    ["output"] = outputText,
                    ["outputDetails"] = new JsonObject { ["truncated"] = false },
                });
            }

            if (result.Next is null)
            {
                return output;
            }

            name = result.Next;
            current = output;
        }
    }

    private async Task RunAsync(ExecutionThread thread, string startAt, JsonNode? input, bool redriven)
    {
        var stop = _stop;
        var completion = _completion;
        try
        {
            if (!redriven)
            {
                AddEvent(thread, "ExecutionStarted", "executionStartedEventDetails", () => new JsonObject
                {
                    ["input"] = Input,
                    ["inputDetails"] = new JsonObject { ["truncated"] = false },
                    ["roleArn"] = StateMachine.RoleArn,
                });
            }

            if (StateMachine.NotRunnableCause is { } notRunnable)
            {
                throw new StatesFailure(StatesErrorNames.Runtime, notRunnable);
            }

            JsonNode? output;
            var limit = StateMachine.IsExpress
                ? Math.Min(StateMachine.Graph.TimeoutSeconds ?? ExpressTimeoutSeconds, ExpressTimeoutSeconds)
                : StateMachine.Graph.TimeoutSeconds;
            if (limit is int timeoutSeconds)
            {
                using var timerStop = CancellationTokenSource.CreateLinkedTokenSource(stop.Token);
                var child = thread.Fork();
                var work = RunChildAsync(child, startAt, input, stop.Token);
                // The limit counts from the (re)start, not from whenever this background run got a thread:
                // time may already have moved on a loaded machine or under an explicitly advanced clock.
                var runStart = redriven ? RedriveDate ?? StartDate : StartDate;
                var remaining = runStart + TimeSpan.FromSeconds(timeoutSeconds) - Services.Clock.UtcNow;
                var timer = Services.Clock.DelayAsync(remaining, timerStop.Token);
                var first = await thread.WaitAsync(Task.WhenAny(work, timer)).ConfigureAwait(false);
                await timerStop.CancelAsync().ConfigureAwait(false);
                if (first != work)
                {
                    TimeOut();
                    return;
                }

                output = await work.ConfigureAwait(false);
            }
            else
            {
                output = await RunGraphAsync(StateMachine.Graph, startAt, input, thread, stop.Token).ConfigureAwait(false);
            }

            lock (_gate)
            {
                if (Status == ExecutionStatus.RUNNING)
                {
                    Output = JsonText.Serialize(output);
                    Close(ExecutionStatus.SUCCEEDED, "ExecutionSucceeded", "executionSucceededEventDetails", new JsonObject
                    {
                        ["output"] = Output,
                        ["outputDetails"] = new JsonObject { ["truncated"] = false },
                    }, thread.LastEventId);
                }
            }
        }
        catch (StatesFailure failure)
        {
            Fail(string.IsNullOrEmpty(failure.Error) ? null : failure.Error, failure.Cause, thread.LastEventId);
        }
        catch (ExecutionHistory.HistoryLimitExceeded limit)
        {
            Fail(StatesErrorNames.Runtime, limit.Message, thread.LastEventId);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Stopped or timed out: the closing event is already written.
        }
        catch (Exception unexpected)
        {
            Fail(StatesErrorNames.Runtime, $"local-cloud failed to run the state machine: {unexpected.Message}", thread.LastEventId);
        }
        finally
        {
            thread.Dispose();
            completion.TrySetResult();
        }
    }

    private async Task<JsonNode?> RunChildAsync(ExecutionThread child, string startAt, JsonNode? input, CancellationToken cancellationToken)
    {
        try
        {
            return await RunGraphAsync(StateMachine.Graph, startAt, input, child, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            child.Dispose();
        }
    }

    private void TimeOut()
    {
        lock (_gate)
        {
            if (Status != ExecutionStatus.RUNNING)
            {
                return;
            }

            Error = StatesErrorNames.Timeout;
            Close(ExecutionStatus.TIMED_OUT, "ExecutionTimedOut", "executionTimedOutEventDetails", Describe(Error, null), null);
        }

        _stop.Cancel();
    }

    private void Fail(string? error, string? cause, long previous)
    {
        lock (_gate)
        {
            if (Status != ExecutionStatus.RUNNING)
            {
                return;
            }

            Error = error;
            Cause = cause;
            Close(ExecutionStatus.FAILED, "ExecutionFailed", "executionFailedEventDetails", Describe(error, cause), previous);
        }

        _stop.Cancel();
    }

    private void Close(ExecutionStatus status, string eventType, string detailsName, JsonObject details, long? previous)
    {
        Status = status;
        StopDate = Services.Clock.UtcNow;
        History.Append(StopDate.Value, eventType, previous ?? History.Count, detailsName, details, terminal: true);
        History.Seal();
    }

    private static JsonObject Describe(string? error, string? cause)
    {
        var details = new JsonObject();
        if (error is not null)
        {
            details["error"] = error;
        }

        if (cause is not null)
        {
            details["cause"] = cause;
        }

        return details;
    }
}
