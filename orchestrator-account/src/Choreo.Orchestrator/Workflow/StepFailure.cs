using Amazon.CDK;
using Amazon.CDK.AWS.StepFunctions;
using Constructs;

namespace Choreo.Orchestrator.Workflow;

/// <summary>
/// Sends a failed step to a <c>Fail</c> state whose error is the original one (the worker's <c>error</c>,
/// <c>States.Timeout</c>, ...) and whose cause names the step: "{subject} failed with {error}: {why}", or
/// "{subject} failed: {why}" for a step whose caught cause already names the error (a Map).
/// The caught error is kept at <see cref="CaughtErrorPath"/>; a Pass builds <c>Error</c> and <c>Cause</c>
/// for the Fail state's ErrorPath and CausePath.
/// </summary>
public sealed class StepFailure
{
    public const string CaughtErrorPath = "$.error";

    /// <summary>Every error a step can raise except States.Runtime, which Step Functions never lets a Catch see.</summary>
    private static readonly string[] AnyError = [Errors.ALL];

    private static readonly string[] NoAnswer = [Errors.TIMEOUT, Errors.HEARTBEAT_TIMEOUT];

    private readonly Pass? _timedOut;
    private readonly Pass _failed;

    /// <param name="scope">Where the Pass states are created.</param>
    /// <param name="stepName">The step's state name; the Pass states are named after it.</param>
    /// <param name="subjectFormat">How the cause names the step, a States.Format text with <c>{}</c> for <paramref name="subjectArgs"/>.</param>
    /// <param name="subjectArgs">JSONPaths into the step's input that fill the subject's <c>{}</c>.</param>
    /// <param name="waitLimit">The step's timeout when it waits for the worker; a timeout then says so instead of an empty cause.</param>
    /// <param name="fail">The Fail state, which reads <c>$.Error</c> and <c>$.Cause</c>.</param>
    /// <param name="namesError">Whether the cause repeats the error's name; off when the caught cause already says it.</param>
    public StepFailure(Construct scope, string stepName, string subjectFormat, string[] subjectArgs, Duration? waitLimit, IChainable fail, bool namesError = true)
    {
        if (waitLimit is not null)
        {
            var why = $"no answer from the worker account within {waitLimit.ToSeconds()} seconds";
            _timedOut = Describe(scope, $"{stepName}TimedOut", $"{subjectFormat} failed with {{}}: {why}", [.. subjectArgs, $"{CaughtErrorPath}.Error"], fail);
        }
        _failed = namesError
            ? Describe(scope, $"{stepName}Failed", $"{subjectFormat} failed with {{}}: {{}}", [.. subjectArgs, $"{CaughtErrorPath}.Error", $"{CaughtErrorPath}.Cause"], fail)
            : Describe(scope, $"{stepName}Failed", $"{subjectFormat} failed: {{}}", [.. subjectArgs, $"{CaughtErrorPath}.Cause"], fail);
    }

    public void CatchOn(TaskStateBase step)
    {
        if (_timedOut is not null)
        {
            step.AddCatch(_timedOut, new CatchProps { Errors = NoAnswer, ResultPath = CaughtErrorPath });
        }
        step.AddCatch(_failed, new CatchProps { Errors = AnyError, ResultPath = CaughtErrorPath });
    }

    public void CatchOn(Map step)
    {
        if (_timedOut is not null)
        {
            step.AddCatch(_timedOut, new CatchProps { Errors = NoAnswer, ResultPath = CaughtErrorPath });
        }
        step.AddCatch(_failed, new CatchProps { Errors = AnyError, ResultPath = CaughtErrorPath });
    }

    private static Pass Describe(Construct scope, string name, string causeFormat, string[] causeArgs, IChainable fail)
    {
        var pass = new Pass(scope, name, new PassProps
        {
            Comment = "Builds the error and cause the Fail state reports.",
            Parameters = new Dictionary<string, object>
            {
                ["Error"] = JsonPath.StringAt($"{CaughtErrorPath}.Error"),
                ["Cause"] = JsonPath.Format(causeFormat, causeArgs.Select(JsonPath.StringAt).ToArray()),
            },
        });
        pass.Next(fail);
        return pass;
    }
}
