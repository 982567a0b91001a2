using Amazon.CDK;
using Amazon.CDK.AWS.StepFunctions;
using Amazon.CDK.AWS.StepFunctions.Tasks;
using Choreo.Contracts;
using Choreo.Orchestrator.Observability;
using Constructs;

namespace Choreo.Orchestrator.Finisher;

/// <summary>
/// The task finisher (Express): EventBridge cannot answer a task token itself, so a rule on <c>done</c> and
/// <c>failed</c> starts this machine with the event, and it calls SendTaskSuccess (the whole detail is the
/// output) or SendTaskFailure (the worker's error and cause). A callback for a token that is already closed
/// (a late answer after a timeout, or EventBridge's at-least-once duplicate) is absorbed: the run succeeds
/// and says why in its output instead of failing.
/// </summary>
public sealed class TaskFinisher : Construct
{
    public const string RouteState = "RouteByDetailType";
    public const string SendTaskSuccessState = "SendTaskSuccess";
    public const string SendTaskFailureState = "SendTaskFailure";
    public const string LateCallbackState = "LateCallbackIgnored";
    public const string LateCallbackPath = "$.lateCallback";

    /// <summary>What Step Functions answers when the token's task is already closed or never existed.</summary>
    public static IReadOnlyList<string> LateCallbackErrors { get; } =
        ["Sfn.TaskTimedOutException", "Sfn.InvalidTokenException", "Sfn.TaskDoesNotExistException"];

    public StateMachine StateMachine { get; }

    public TaskFinisher(Construct scope, string id, TaskFinisherProps props) : base(scope, id)
    {
        var answered = new Succeed(this, "Answered");
        var lateCallback = new Pass(this, LateCallbackState, new PassProps
        {
            Comment = "The token was already closed; answering it again must not become an error storm.",
            Parameters = new Dictionary<string, object>
            {
                ["ignored"] = true,
                ["detailType"] = JsonPath.StringAt("$.detail-type"),
                ["execution"] = JsonPath.StringAt("$.detail.execution"),
                ["reason"] = JsonPath.StringAt(LateCallbackPath),
            },
        });

        var sendSuccess = new CallAwsService(this, SendTaskSuccessState, new CallAwsServiceProps
        {
            Service = "sfn",
            Action = "sendTaskSuccess",
            IamAction = "states:SendTaskSuccess",
            IamResources = [props.Answers.StateMachineArn],
            Parameters = new Dictionary<string, object>
            {
                ["TaskToken"] = JsonPath.StringAt("$.detail.TaskToken"),
                // SendTaskSuccess's Output is a JSON string on the wire.
                ["Output"] = JsonPath.JsonToString(JsonPath.StringAt("$.detail")),
            },
            ResultPath = JsonPath.DISCARD,
        });
        sendSuccess.AddCatch(lateCallback, new CatchProps { Errors = LateCallbackErrors.ToArray(), ResultPath = LateCallbackPath });
        sendSuccess.Next(answered);

        var sendFailure = new CallAwsService(this, SendTaskFailureState, new CallAwsServiceProps
        {
            Service = "sfn",
            Action = "sendTaskFailure",
            IamAction = "states:SendTaskFailure",
            IamResources = [props.Answers.StateMachineArn],
            Parameters = new Dictionary<string, object>
            {
                ["TaskToken"] = JsonPath.StringAt("$.detail.TaskToken"),
                ["Error"] = JsonPath.StringAt("$.detail.error"),
                ["Cause"] = JsonPath.StringAt("$.detail.cause"),
            },
            ResultPath = JsonPath.DISCARD,
        });
        sendFailure.AddCatch(lateCallback, new CatchProps { Errors = LateCallbackErrors.ToArray(), ResultPath = LateCallbackPath });
        sendFailure.Next(answered);

        var route = new Choice(this, RouteState)
            .When(Condition.StringEquals("$.detail-type", DetailTypes.Done), sendSuccess)
            .When(Condition.StringEquals("$.detail-type", DetailTypes.Failed), sendFailure)
            .Otherwise(new Fail(this, "UnexpectedDetailType", new FailProps
            {
                Error = "Finisher.UnexpectedDetailType",
                Cause = $"the task finisher answers only '{DetailTypes.Done}' and '{DetailTypes.Failed}' events; its rule delivered another detail-type",
            }));

        StateMachine = new StateMachine(this, "Resource", new StateMachineProps
        {
            DefinitionBody = DefinitionBody.FromChainable(route),
            StateMachineType = StateMachineType.EXPRESS,
            Timeout = Duration.Minutes(1),
            TracingEnabled = true,
            Logs = ExecutionLogging.For(this, props.LogLevel),
        });
        props.Answers.GrantTaskResponse(StateMachine);
    }
}
