using System.Text.Json.Nodes;
using Choreo.LocalCloud.StepFunctions.Execution;

namespace Choreo.LocalCloud.StepFunctions.Asl.States;

/// <summary>Choice: goes to the first rule that holds, else Default, else fails with States.NoChoiceMatched.</summary>
public sealed class ChoiceState : AslState
{
    public override string Type => "Choice";

    public required IReadOnlyList<ChoiceRule> Choices { get; init; }

    public string? Default { get; init; }

    public override ValueTask<StateResult> ExecuteAsync(StateInvocation invocation, JsonNode? rawInput)
    {
        var input = ApplyInputPath(invocation, rawInput);
        foreach (var rule in Choices)
        {
            if (rule.Condition.Evaluate(invocation, input))
            {
                return ValueTask.FromResult(new StateResult(ApplyOutputPath(invocation, input), rule.Next));
            }
        }

        if (Default is not null)
        {
            return ValueTask.FromResult(new StateResult(ApplyOutputPath(invocation, input), Default));
        }

        throw new StatesFailure(StatesErrorNames.NoChoiceMatched, "No Matches!");
    }
}
