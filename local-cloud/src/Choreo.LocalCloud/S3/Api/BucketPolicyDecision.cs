using Choreo.LocalCloud.Policies;

namespace Choreo.LocalCloud.S3.Api;

/// <summary>
/// Evaluates a bucket policy for a caller account, an action and a resource ARN. Principals are matched by
/// account (local-cloud knows callers by account, not by role); statements with a <c>Condition</c> are not
/// evaluated and so neither allow nor deny; an explicit deny wins over any allow.
/// </summary>
public static class BucketPolicyDecision
{
    /// <summary>S3's limit on a bucket policy document.</summary>
    public const int MaxBytes = 20 * 1024;

    /// <summary>The policy actions the bucket owner's account may always perform, whatever the policy says (as on AWS).</summary>
    public static readonly IReadOnlySet<string> OwnerAlwaysAllowed =
        new HashSet<string>(["s3:GetBucketPolicy", "s3:PutBucketPolicy", "s3:DeleteBucketPolicy"], StringComparer.Ordinal);

    public static PolicyEffect Evaluate(string? policy, string callerAccountId, string action, string resourceArn) =>
        ResourcePolicy.ParseStored(policy, requireResource: true)?.Evaluate(new PolicyRequest(callerAccountId, action, resourceArn))
        ?? PolicyEffect.NotApplicable;

    /// <summary>Validates a policy for <paramref name="bucketArn"/> as PutBucketPolicy does; throws S3's <c>MalformedPolicy</c>.</summary>
    public static void Validate(string policy, string bucketArn)
    {
        try
        {
            var parsed = ResourcePolicy.Parse(policy, MaxBytes, requireResource: true);
            var resources = parsed.Statements.SelectMany(statement => statement.Resources ?? statement.NotResources ?? []);
            if (resources.Any(resource => !AppliesToBucket(resource, bucketArn)))
            {
                throw new MalformedPolicyException("Policy has invalid resource");
            }

            if (parsed.Statements.Any(statement => statement.Actions is { } actions && actions.Any(a => a != "*" && !a.StartsWith("s3:", StringComparison.OrdinalIgnoreCase))))
            {
                throw new MalformedPolicyException("Policy has invalid action");
            }
        }
        catch (MalformedPolicyException e)
        {
            throw new S3Error("MalformedPolicy", e.Message, 400);
        }
    }

    // A bucket policy may only name its own bucket or objects in it.
    private static bool AppliesToBucket(string resource, string bucketArn) =>
        resource == bucketArn || resource.StartsWith(bucketArn + "/", StringComparison.Ordinal)
        || WildcardPattern.Matches(resource, bucketArn, ignoreCase: false) || WildcardPattern.Matches(resource, bucketArn + "/x", ignoreCase: false);
}
