using System.Text.Json.Nodes;
using Choreo.LocalCloud.StepFunctions.Execution;

namespace Choreo.LocalCloud.StepFunctions.Asl.States;

/// <summary>
/// A state that does work and may fail (Task, Parallel, Map): Parameters, ResultSelector, ResultPath,
/// Retry and Catch around one attempt of the work.
/// </summary>
public abstract class RecoverableState : AslState
{
    public PayloadTemplate? Parameters { get; init; }

    public PayloadTemplate? ResultSelector { get; init; }

    public DataPath ResultPath { get; init; } = DataPath.Root;

    public IReadOnlyList<Retrier> Retry { get; init; } = [];

    public IReadOnlyList<Catcher> Catch { get; init; } = [];

    /// <summary>One attempt of the work on the effective input (after InputPath; Parameters are applied by the state when it wants).</summary>
    protected abstract Task<JsonNode?> ExecuteOnceAsync(StateInvocation invocation, JsonNode? effectiveInput);

    public override async ValueTask<StateResult> ExecuteAsync(StateInvocation invocation, JsonNode? rawInput)
    {
        var attempts = new int[Retry.Count];
        var retryCount = 0;
        while (true)
        {
            StatesFailure failure;
            try
            {
                var effective = ApplyInputPath(invocation, rawInput);
                var result = await ExecuteOnceAsync(invocation, effective).ConfigureAwait(false);
                if (ResultSelector is not null)
                {
                    result = ResultSelector.Evaluate(Scope(invocation, result));
                }

                var output = ApplyOutputPath(invocation, ApplyResultPath(ResultPath, rawInput, result));
                return new StateResult(output, End ? null : Next);
            }
            catch (StateError e)
            {
                failure = invocation.Fail(e);
            }
            catch (StatesFailure e)
            {
                failure = e;
            }

            var retried = false;
            for (var i = 0; i < Retry.Count; i++)
            {
                var retrier = Retry[i];
                if (!ErrorMatcher.Matches(retrier.ErrorEquals, failure.Error))
                {
                    continue;
                }

                if (attempts[i] < retrier.MaxAttempts)
                {
                    attempts[i]++;
                    retryCount++;
                    var delay = retrier.DelayBefore(attempts[i], invocation.Run.Services.Random);
                    if (delay > TimeSpan.Zero)
                    {
                        await invocation.Thread.WaitAsync(invocation.Run.Services.Clock.DelayAsync(delay, invocation.Cancellation)).ConfigureAwait(false);
                    }

                    invocation.Context = invocation.Context.WithRetryCount(retryCount);
                    retried = true;
                }

                // Only the first retrier whose ErrorEquals matches applies, exhausted or not.
                break;
            }

            if (retried)
            {
                continue;
            }

            foreach (var catcher in Catch)
            {
                if (!ErrorMatcher.Matches(catcher.ErrorEquals, failure.Error))
                {
                    continue;
                }

                var errorOutput = new JsonObject { ["Error"] = failure.Error };
                if (failure.Cause is not null)
                {
                    errorOutput["Cause"] = failure.Cause;
                }

                var output = ApplyResultPath(catcher.ResultPath, rawInput, errorOutput);
                return new StateResult(output, catcher.Next);
            }

            throw failure;
        }
    }
}
