using Choreo.LocalCloud.Policies;
using Choreo.LocalCloud.S3.Storage;

namespace Choreo.LocalCloud.S3.Api;

/// <summary>
/// Who may act on a bucket: its owner may always manage its policy, an explicit Deny in its policy refuses, an Allow admits another account, and
/// otherwise only the owning account may. The REST API and the Step Functions seam both decide here.
/// </summary>
public static class BucketAccessRule
{
    public static bool Allows(BucketRecord bucket, string callerAccountId, string action, string resourceArn)
    {
        var owner = bucket.OwnerAccountId == callerAccountId;
        if (owner && BucketPolicyDecision.OwnerAlwaysAllowed.Contains(action))
        {
            return true;
        }

        return BucketPolicyDecision.Evaluate(bucket.Policy, callerAccountId, action, resourceArn) switch
        {
            PolicyEffect.Deny => false,
            PolicyEffect.Allow => true,
            _ => owner,
        };
    }
}
