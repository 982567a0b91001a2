using Choreo.LocalCloud.Accounts;
using Choreo.LocalCloud.Policies;
using Choreo.LocalCloud.S3.Storage;

namespace Choreo.LocalCloud.S3.Api;

/// <summary>
/// Whether an account may perform an S3 action on a bucket or object: an explicit Deny in the bucket policy
/// wins (except over the owner's management of the policy itself), an Allow admits another account, and
/// otherwise only the owner's account is allowed.
/// </summary>
internal static class BucketAccess
{
    public static bool IsAllowed(BucketRecord bucket, AccountContext caller, string action, string resourceArn)
    {
        var owner = bucket.OwnerAccountId == caller.AccountId;
        if (owner && BucketPolicyDecision.OwnerAlwaysAllowed.Contains(action))
        {
            return true;
        }

        var decision = BucketPolicyDecision.Evaluate(bucket.Policy, caller.AccountId, action, resourceArn);
        return decision switch
        {
            PolicyEffect.Deny => false,
            PolicyEffect.Allow => true,
            _ => owner,
        };
    }

    public static void Authorize(BucketRecord bucket, AccountContext caller, string action, string resourceArn)
    {
        if (!IsAllowed(bucket, caller, action, resourceArn))
        {
            throw S3Errors.AccessDenied();
        }
    }

    public static string ObjectArn(BucketRecord bucket, string key) => $"{bucket.Arn}/{key}";
}
