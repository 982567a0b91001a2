using System.Text.Json.Nodes;

namespace Choreo.LocalCloud.StepFunctions.Asl.States;

/// <summary>Pass: hands its input (or Result, or Parameters) on.</summary>
public sealed class PassState : AslState
{
    public override string Type => "Pass";

    public PayloadTemplate? Parameters { get; init; }

    /// <summary>The Result field, copied as written (no path substitution).</summary>
    public JsonNode? Result { get; init; }

    public bool HasResult { get; init; }

    public DataPath ResultPath { get; init; } = DataPath.Root;

    public override ValueTask<StateResult> ExecuteAsync(StateInvocation invocation, JsonNode? rawInput)
    {
        var effective = ApplyInputPath(invocation, rawInput);
        if (Parameters is not null)
        {
            effective = Parameters.Evaluate(Scope(invocation, effective));
        }

        var result = HasResult ? Result?.DeepClone() : effective;
        var output = ApplyOutputPath(invocation, ApplyResultPath(ResultPath, rawInput, result));
        return ValueTask.FromResult(new StateResult(output, End ? null : Next));
    }
}
