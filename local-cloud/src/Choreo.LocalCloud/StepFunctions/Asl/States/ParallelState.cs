using System.Text.Json.Nodes;
using Choreo.LocalCloud.StepFunctions.Execution;

namespace Choreo.LocalCloud.StepFunctions.Asl.States;

/// <summary>Parallel: runs every branch on the same input; the result is the array of branch outputs.</summary>
public sealed class ParallelState : RecoverableState
{
    public override string Type => "Parallel";

    public required IReadOnlyList<StateGraph> Branches { get; init; }

    protected override async Task<JsonNode?> ExecuteOnceAsync(StateInvocation invocation, JsonNode? effectiveInput)
    {
        var input = Parameters is null ? effectiveInput : Parameters.Evaluate(Scope(invocation, effectiveInput));
        invocation.AddEvent("ParallelStateStarted");
        using var abort = CancellationTokenSource.CreateLinkedTokenSource(invocation.Cancellation);
        StatesFailure? firstFailure = null;
        var gate = new object();

        async Task<JsonNode?> RunBranchAsync(StateGraph branch, ExecutionThread thread, JsonNode? branchInput)
        {
            try
            {
                return await invocation.Run.RunGraphAsync(branch, branchInput, thread, abort.Token).ConfigureAwait(false);
            }
            catch (StatesFailure failure)
            {
                lock (gate)
                {
                    firstFailure ??= failure;
                }

                await abort.CancelAsync().ConfigureAwait(false);
                throw;
            }
            finally
            {
                thread.Dispose();
            }
        }

        var tasks = new Task<JsonNode?>[Branches.Count];
        for (var i = 0; i < tasks.Length; i++)
        {
            // Each branch owns its copy of the input: ResultPath may change it in place.
            tasks[i] = RunBranchAsync(Branches[i], invocation.Thread.Fork(), input?.DeepClone());
        }

        try
        {
            await invocation.Thread.WaitAsync(Task.WhenAll(tasks)).ConfigureAwait(false);
        }
        catch (Exception) when (firstFailure is not null)
        {
            invocation.AddEvent("ParallelStateFailed");
            throw firstFailure;
        }

        invocation.AddEvent("ParallelStateSucceeded");
        return new JsonArray(tasks.Select(t => Json.JsonText.Detach(t.Result)).ToArray());
    }
}
