using Amazon.CDK;
using Amazon.CDK.AWS.S3;
using Constructs;

namespace Choreo.Worker.Infrastructure.Storage;

/// <summary>
/// The worker account's bucket: no public access, TLS only, S3-managed encryption, intermediate objects
/// expiring after a few days; deleted with the stack only outside production.
/// </summary>
/// <remarks>
/// Intermediate objects (<c>{execution}/basic-{index}.json</c>, <c>{execution}/final-{index}.json</c>) sit under
/// their execution's folder, and S3 lifecycle filters match key prefixes only, never a name inside a folder.
/// So they are recognised by a tag their writers put on them: <see cref="IntermediateTagKey"/> =
/// <see cref="IntermediateTagValue"/>. The report (<c>0-cookies.json</c>) carries no tag and stays.
/// </remarks>
public sealed class WorkerBucket : Construct
{
    public const string IntermediateTagKey = "choreo-lifecycle";
    public const string IntermediateTagValue = "intermediate";
    public const string IntermediateRuleId = "ExpireIntermediateObjects";

    public IBucket Bucket { get; }

    public WorkerBucket(Construct scope, string id, WorkerBucketProps props) : base(scope, id)
    {
        if (props.IntermediateExpirationDays < 1)
        {
            throw new ArgumentOutOfRangeException(
                nameof(props), $"Intermediate objects must live at least 1 day; {props.IntermediateExpirationDays} was given.");
        }

        Bucket = new Bucket(this, "Bucket", new BucketProps
        {
            BlockPublicAccess = BlockPublicAccess.BLOCK_ALL,
            EnforceSSL = true,
            Encryption = BucketEncryption.S3_MANAGED,
            ObjectOwnership = ObjectOwnership.BUCKET_OWNER_ENFORCED,
            LifecycleRules =
            [
                new LifecycleRule
                {
                    Id = IntermediateRuleId,
                    Enabled = true,
                    TagFilters = new Dictionary<string, object> { [IntermediateTagKey] = IntermediateTagValue },
                    Expiration = Duration.Days(props.IntermediateExpirationDays),
                },
            ],
            RemovalPolicy = props.IsProduction ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
            // Auto-delete is a Lambda-backed custom resource; production never gets it.
            AutoDeleteObjects = !props.IsProduction,
        });
        if (!props.IsProduction)
        {
            RunAutoDeleteOnSupportedNode();
        }
    }

    /// <summary>The Node.js runtime the auto-delete handler runs on (AWS deprecates it on 2027-04-30).</summary>
    public const string AutoDeleteRuntime = "nodejs22.x";

    // The CDK (2.160) writes its auto-delete handler for nodejs20.x, which AWS refuses for new functions since
    // 2026-06-01. The handler is plain JavaScript using the AWS SDK v3 that every Node runtime bundles, so the
    // same code runs on nodejs22.x; only the runtime property is overridden.
    private void RunAutoDeleteOnSupportedNode()
    {
        const string providerId = "Custom::S3AutoDeleteObjectsCustomResourceProvider";
        var handler = Stack.Of(this).Node.TryFindChild(providerId)?.Node.TryFindChild("Handler") as CfnResource
            ?? throw new InvalidOperationException(
                $"WorkerBucket: the CDK no longer creates {providerId}/Handler; check which runtime its auto-delete handler uses.");
        handler.AddPropertyOverride("Runtime", AutoDeleteRuntime);
    }
}
