using System.Text.Json.Nodes;
using Choreo.LocalCloud.StepFunctions.Asl.Intrinsics;
using Choreo.LocalCloud.StepFunctions.Asl.Json;
using Choreo.LocalCloud.StepFunctions.Asl.Paths;
using Choreo.LocalCloud.StepFunctions.Execution;

namespace Choreo.LocalCloud.StepFunctions.Asl.States;

/// <summary>Fail: ends the graph with an error and cause, given literally or by path / intrinsic function.</summary>
public sealed class FailState : AslState
{
    public override string Type => "Fail";

    public override bool HasExitEvent => false;

    public string? Error { get; init; }

    public string? Cause { get; init; }

    public string? ErrorPath { get; init; }

    public string? CausePath { get; init; }

    public override ValueTask<StateResult> ExecuteAsync(StateInvocation invocation, JsonNode? rawInput)
    {
        var error = Resolve(invocation, rawInput, Error, ErrorPath, "ErrorPath");
        var cause = Resolve(invocation, rawInput, Cause, CausePath, "CausePath");
        // A Fail state without an error name fails the execution with no error: an empty name stands for that.
        throw new StatesFailure(error ?? string.Empty, cause);
    }

    private static string? Resolve(StateInvocation invocation, JsonNode? input, string? literal, string? expression, string field)
    {
        if (expression is null)
        {
            return literal;
        }

        var scope = new PathScope(input, invocation.Context);
        JsonNode? value;
        if (IntrinsicCall.LooksLikeCall(expression))
        {
            value = IntrinsicCall.Parse(expression).Evaluate(scope);
        }
        else
        {
            var path = JsonPath.Parse(expression);
            var root = scope.RootFor(path);
            if (!path.TrySelectSingle(root, out value))
            {
                throw StateError.Runtime(
                    $"The JSONPath '{expression}' specified for the field '{field}' could not be found in the input '{JsonText.Serialize(root)}'");
            }
        }

        return JsonText.TryGetString(value, out var text) ? text : JsonText.Serialize(value);
    }
}
