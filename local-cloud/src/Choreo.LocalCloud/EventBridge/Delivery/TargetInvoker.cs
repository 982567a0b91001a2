using Choreo.LocalCloud.Accounts;
using Choreo.LocalCloud.EventBridge.Model;
using Choreo.LocalCloud.EventBridge.Policies;
using Choreo.LocalCloud.Hosting;
using Choreo.LocalCloud.Services;
using Choreo.LocalCloud.Sqs;

namespace Choreo.LocalCloud.EventBridge.Delivery;

/// <summary>
/// Makes one delivery attempt through the seam the target's ARN names: Lambda (asynchronous invoke), Step Functions
/// StartExecution, another event bus, or an SQS queue. Failures become <see cref="TargetDeliveryException"/>s.
/// A function or queue whose resource policy does not let EventBridge in fails with NO_PERMISSIONS
/// (<see cref="FunctionConsent"/>, <see cref="QueueConsent"/>); without <paramref name="functionPolicyOf"/> (unit
/// harnesses that fake Lambda) function policies are not consulted.
/// </summary>
public sealed class TargetInvoker(
    ILambdaInvoker lambdas,
    IStateMachineStarter stateMachines,
    SqsQueues queues,
    Func<IngestedEvent, string, string, CancellationToken, Task> forwardToBus,
    Func<string, string?>? functionPolicyOf)
{
    public async Task InvokeAsync(PendingDelivery delivery, string payload, CancellationToken cancellationToken)
    {
        var arn = delivery.Target.Arn;
        try
        {
            switch (EventBridgeArn.ServiceOf(arn))
            {
                case "lambda":
                    if (functionPolicyOf is not null && !FunctionConsent.Admits(functionPolicyOf(arn), arn, delivery.RuleArn, delivery.Target.RoleArn))
                    {
                        throw new TargetDeliveryException(TargetDeliveryException.NoPermissions,
                            FunctionConsent.Refusal(arn, delivery.RuleArn, delivery.Target.RoleArn), retriable: false);
                    }
                    var result = await lambdas.InvokeAsync(arn, payload, LambdaInvocationType.Event, cancellationToken);
                    if (result.StatusCode >= 300)
                    {
                        throw new TargetDeliveryException(TargetDeliveryException.ClientError,
                            $"Lambda invoke of {arn} returned status {result.StatusCode}{(result.FunctionError is null ? "" : $" ({result.FunctionError})")}.",
                            retriable: result.StatusCode >= 500 || result.StatusCode == 429);
                    }
                    break;
                case "states":
                    await stateMachines.StartExecutionAsync(arn, payload, null, cancellationToken);
                    break;
                case "events":
                    // The rule's account puts the event on the target bus; its policy is checked on every delivery.
                    await forwardToBus(delivery.Event, arn, ArnAccount(delivery.RuleArn), cancellationToken);
                    break;
                case "sqs":
                    var queue = queues.FindByArn(arn)
                        ?? throw new TargetDeliveryException(TargetDeliveryException.ResourceNotFound, $"SQS queue {arn} does not exist.", retriable: false);
                    if (!QueueConsent.Admits(queue, delivery.RuleArn, delivery.Target.RoleArn))
                    {
                        throw new TargetDeliveryException(TargetDeliveryException.NoPermissions,
                            QueueConsent.Refusal(queue, delivery.RuleArn, delivery.Target.RoleArn), retriable: false);
                    }
                    queues.SendMessage(queue, payload);
                    break;
                default:
                    throw new TargetDeliveryException(TargetDeliveryException.ClientError, $"Target {arn} is not a kind local-cloud delivers to.", retriable: false);
            }
        }
        catch (AwsServiceException error)
        {
            throw Classify(arn, error);
        }
    }

    private static TargetDeliveryException Classify(string arn, AwsServiceException error)
    {
        var message = $"{error.ErrorCode} from {arn}: {error.Message}";
        return error.ErrorCode switch
        {
            "ResourceNotFoundException" or "StateMachineDoesNotExist" or "QueueDoesNotExist" =>
                new TargetDeliveryException(TargetDeliveryException.ResourceNotFound, message, retriable: false),
            "AccessDeniedException" or "AccessDenied" =>
                new TargetDeliveryException(TargetDeliveryException.NoPermissions, message, retriable: false),
            "ThrottlingException" or "TooManyRequestsException" =>
                new TargetDeliveryException("THROTTLING", message, retriable: true),
            _ => new TargetDeliveryException(TargetDeliveryException.ClientError, message, retriable: error.StatusCode >= 500),
        };
    }

    private static string ArnAccount(string arn) => Arn.TryParse(arn, out var parsed) ? parsed.Account : throw new ArgumentException($"not an ARN: {arn}", nameof(arn));
}
