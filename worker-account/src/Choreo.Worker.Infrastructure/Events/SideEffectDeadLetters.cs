using Amazon.CDK.AWS.Events;
using Amazon.CDK.AWS.Events.Targets;
using Amazon.CDK.AWS.SQS;
using Constructs;

namespace Choreo.Worker.Infrastructure.Events;

/// <summary>
/// Where side effects that failed through all of Lambda's async retries end up: Lambda's on-failure record
/// reaches the worker bus (the function's failure destination), and this rule moves the records of the
/// side-effect function into an encrypted queue. Nothing in the workflow waits for a side effect, so its
/// failure is kept for people to see (timeline, report, queue) and never fails a task.
/// </summary>
public sealed class SideEffectDeadLetters : Construct
{
    public IQueue Queue { get; }

    public IRule Rule { get; }

    public SideEffectDeadLetters(Construct scope, string id, SideEffectDeadLettersProps props) : base(scope, id)
    {
        Queue = DeadLetterQueue.Create(this, "Queue");
        Rule = new Rule(this, "Rule", new RuleProps
        {
            EventBus = props.Bus,
            Description = "A side effect that failed after Lambda's retries is kept in the side-effect dead-letter queue",
            EventPattern = new EventPattern
            {
                Source = [FailureRelayRule.LambdaSource],
                DetailType = [FailureRelayRule.FailureDetailType],
                Detail = new Dictionary<string, object>
                {
                    // The qualified ARN (…:function:name:$LATEST) starts with the unqualified one.
                    ["requestContext"] = new Dictionary<string, object>
                    {
                        ["functionArn"] = props.SideEffects.Select(f => (object)new Dictionary<string, object> { ["prefix"] = f.FunctionArn }).ToArray(),
                    },
                },
            },
            Targets = [new SqsQueue(Queue)],
        });
    }
}
