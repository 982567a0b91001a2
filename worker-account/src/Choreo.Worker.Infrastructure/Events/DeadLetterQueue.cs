using Amazon.CDK;
using Amazon.CDK.AWS.SQS;
using Constructs;

namespace Choreo.Worker.Infrastructure.Events;

/// <summary>
/// The worker account's dead-letter queues (return rule, side effects) all alike: SQS-managed encryption, so
/// EventBridge can write without a KMS key policy; TLS only; records kept 14 days, SQS's maximum.
/// </summary>
public static class DeadLetterQueue
{
    public static Queue Create(Construct scope, string id) => new(scope, id, new QueueProps
    {
        Encryption = QueueEncryption.SQS_MANAGED,
        EnforceSSL = true,
        RetentionPeriod = Duration.Days(14),
    });
}
