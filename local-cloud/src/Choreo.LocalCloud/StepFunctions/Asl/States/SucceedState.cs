using System.Text.Json.Nodes;

namespace Choreo.LocalCloud.StepFunctions.Asl.States;

/// <summary>Succeed: ends the graph successfully with its (path-filtered) input.</summary>
public sealed class SucceedState : AslState
{
    public override string Type => "Succeed";

    public override ValueTask<StateResult> ExecuteAsync(StateInvocation invocation, JsonNode? rawInput)
    {
        var output = ApplyOutputPath(invocation, ApplyInputPath(invocation, rawInput));
        return ValueTask.FromResult(new StateResult(output, null));
    }
}
