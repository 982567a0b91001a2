using Amazon.CDK.AWS.Events;
using Amazon.CDK.AWS.Events.Targets;
using Constructs;

namespace Choreo.Worker.Infrastructure.Events;

/// <summary>
/// Matches Lambda's on-failure records on the worker bus (a function crashed through all its async retries)
/// and invokes the failure relay, which emits <c>failed</c> for the task token in the original event, so the
/// waiting task fails instead of hanging until its timeout.
/// </summary>
public sealed class FailureRelayRule : Construct
{
    /// <summary>The source of the records Lambda puts on an EventBridge destination.</summary>
    public const string LambdaSource = "lambda";

    /// <summary>The detail-type of an on-failure record.</summary>
    public const string FailureDetailType = "Lambda Function Invocation Result - Failure";

    public IRule Rule { get; }

    public FailureRelayRule(Construct scope, string id, FailureRelayRuleProps props) : base(scope, id)
    {
        // requestContext.functionArn is the qualified ARN (…:function:name:$LATEST), so the unqualified ARN is a prefix.
        var crashedFunctions = props.TaskFunctions
            .Select(function => (object)new Dictionary<string, object> { ["prefix"] = function.FunctionArn })
            .ToArray();
        Rule = new Rule(this, "Rule", new RuleProps
        {
            EventBus = props.Bus,
            Description = "A crashed worker function fails the task it was working for",
            EventPattern = new EventPattern
            {
                Source = [LambdaSource],
                DetailType = [FailureDetailType],
                Detail = new Dictionary<string, object>
                {
                    ["requestPayload"] = new Dictionary<string, object> { ["source"] = props.TaskSources.ToArray() },
                    ["requestContext"] = new Dictionary<string, object> { ["functionArn"] = crashedFunctions },
                },
            },
            Targets = [new LambdaFunction(props.Relay)],
        });
    }
}
