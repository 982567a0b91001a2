using System.Text.Json.Nodes;
using Choreo.LocalCloud.Policies;

namespace Choreo.LocalCloud.EventBridge.Policies;

/// <summary>
/// Evaluates a bus resource policy as IAM does for a resource-based policy alone: an explicit Deny wins, else an
/// Allow whose principal, action, resource and conditions all match allows, else the request is implicitly denied.
/// Condition keys: <c>events:source</c>, <c>events:detail-type</c>, <c>aws:PrincipalAccount</c>.
/// </summary>
public static class BusPolicy
{
    /// <summary>EventBridge's limit on a bus policy document.</summary>
    public const int MaxBytes = 10240;

    /// <summary>Validates a whole bus policy before it is stored; throws with EventBridge's ValidationException.</summary>
    public static void Validate(JsonObject policy)
    {
        try
        {
            ResourcePolicy.Parse(policy.ToJsonString(), MaxBytes, requireResource: false);
        }
        catch (MalformedPolicyException e)
        {
            throw new Hosting.AwsServiceException("ValidationException", $"Parameter Policy is not valid. Reason: {e.Message}");
        }
    }

    private static readonly HashSet<string> EventKeys = new(StringComparer.OrdinalIgnoreCase) { "events:source", "events:detail-type" };

    /// <summary>
    /// Whether the policy admits <paramref name="account"/> (a rule's account, or the account of its target role) to
    /// put events on the bus at all, as EventBridge checks when the bus is made a target. Conditions on the event's
    /// source and detail-type are left undecided: they are checked for every event.
    /// </summary>
    public static bool Admits(JsonObject? policy, string account, string busArn) =>
        ResourcePolicy.ParseStored(policy?.ToJsonString(), requireResource: false)
            ?.Evaluate(new PolicyRequest(account, PutEventsAuthorization.Action, busArn,
                new Dictionary<string, string> { ["aws:PrincipalAccount"] = account }, UndecidedKeys: EventKeys)) == PolicyEffect.Allow;

    public static bool Allows(JsonObject? policy, PutEventsAuthorization request)
    {
        var keys = new Dictionary<string, string>
        {
            ["events:source"] = request.Source,
            ["events:detail-type"] = request.DetailType,
            ["aws:PrincipalAccount"] = request.PrincipalAccount,
        };
        return ResourcePolicy.ParseStored(policy?.ToJsonString(), requireResource: false)
            ?.Evaluate(new PolicyRequest(request.PrincipalAccount, PutEventsAuthorization.Action, request.BusArn, keys)) == PolicyEffect.Allow;
    }
}
