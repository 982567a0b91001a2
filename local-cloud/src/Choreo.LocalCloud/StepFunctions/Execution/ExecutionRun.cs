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

    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly JsonObject _sharedContext;
    private readonly object _gate = new();

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

    /// <summary>Completes when the execution has ended, whatever its status.</summary>
    public Task Completion => _completion.Task;

    /// <summary>Starts the execution in the background.</summary>
    public void Start()
    {
        // The first activity begins here, before the caller returns, so a virtual clock cannot move first.
        var thread = new ExecutionThread(Services.Activity, 0);
        _ = Task.Run(() => RunAsync(thread));
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
    public async Task<JsonNode?> RunGraphAsync(StateGraph graph, JsonNode? input, ExecutionThread thread, CancellationToken cancellationToken)
    {
        var name = graph.StartAt;
        var current = input;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var state = graph.States[name];
            var inputText = History.IsRecording ? JsonText.Serialize(current) : null;
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

    private async Task RunAsync(ExecutionThread thread)
    {
        try
        {
            AddEvent(thread, "ExecutionStarted", "executionStartedEventDetails", () => new JsonObject
            {
                ["input"] = Input,
                ["inputDetails"] = new JsonObject { ["truncated"] = false },
                ["roleArn"] = StateMachine.RoleArn,
            });
            if (StateMachine.NotRunnableCause is { } notRunnable)
            {
                throw new StatesFailure(StatesErrorNames.Runtime, notRunnable);
            }

            var input = JsonText.Parse(Input);
            JsonNode? output;
            if (StateMachine.Graph.TimeoutSeconds is int timeoutSeconds)
            {
                using var timerStop = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
                var child = thread.Fork();
                var work = RunChildAsync(child, input);
                var timer = Services.Clock.DelayAsync(TimeSpan.FromSeconds(timeoutSeconds), timerStop.Token);
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
                output = await RunGraphAsync(StateMachine.Graph, input, thread, _stop.Token).ConfigureAwait(false);
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
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
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
            _completion.TrySetResult();
        }
    }

    private async Task<JsonNode?> RunChildAsync(ExecutionThread child, JsonNode? input)
    {
        try
        {
            return await RunGraphAsync(StateMachine.Graph, input, child, _stop.Token).ConfigureAwait(false);
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
