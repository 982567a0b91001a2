using Amazon.CDK.AWS.StepFunctions;
using Amazon.CDK.AWS.StepFunctions.Tasks;
using Choreo.Contracts;
using Constructs;
using Timeout = Amazon.CDK.AWS.StepFunctions.Timeout;

namespace Choreo.Orchestrator.Workflow;

/// <summary>
/// A step that puts one contract event on the bus and waits for its task token to come back through the
/// task finisher (<c>events:putEvents.waitForTaskToken</c>). The detail always carries the token, the
/// execution ARN and the state's name, so the worker can answer and trace without knowing the workflow.
/// </summary>
public sealed class WorkerStep : EventBridgePutEvents
{
    public WorkerStep(Construct scope, string id, WorkerStepProps props) : base(scope, id, Render(id, props))
    {
    }

    private static EventBridgePutEventsProps Render(string id, WorkerStepProps props)
    {
        var timeoutSeconds = props.Timeout.ToSeconds();
        if (timeoutSeconds < 1)
        {
            throw new ArgumentException($"WorkerStep {id}: the timeout must be at least 1 second; a waiting step without a timeout can hang forever.", nameof(props));
        }
        if (props.Heartbeat is { } heartbeat && (heartbeat.ToSeconds() < 1 || heartbeat.ToSeconds() >= timeoutSeconds))
        {
            throw new ArgumentException($"WorkerStep {id}: the heartbeat ({heartbeat.ToSeconds()} s) must be at least 1 second and shorter than the timeout ({timeoutSeconds} s).", nameof(props));
        }

        var detail = new Dictionary<string, object>
        {
            ["TaskToken"] = JsonPath.TaskToken,
            ["execution"] = JsonPath.ExecutionId,
            ["stateName"] = JsonPath.StateName,
        };
        foreach (var (name, value) in props.Fields)
        {
            detail[name] = value;
        }

        return new EventBridgePutEventsProps
        {
            IntegrationPattern = IntegrationPattern.WAIT_FOR_TASK_TOKEN,
            Entries =
            [
                new EventBridgePutEventsEntry
                {
                    EventBus = props.Bus,
                    Source = Sources.Orchestrator,
                    DetailType = props.DetailType,
                    Detail = TaskInput.FromObject(detail),
                },
            ],
            TaskTimeout = Timeout.Duration(props.Timeout),
            HeartbeatTimeout = props.Heartbeat is null ? null : Timeout.Duration(props.Heartbeat),
            ResultSelector = props.ResultSelector,
            ResultPath = props.ResultPath,
        };
    }
}
