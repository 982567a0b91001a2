using System.Text.Json.Nodes;

namespace Choreo.LocalCloud.EventBridge.Policies;

/// <summary>
/// A bus resource policy's two questions: may this account put this event on the bus (every cross-account
/// PutEvents and every delivery to a bus target), and does the policy admit the account at all (asked when a rule
/// of that account is given the bus as a target, before any event exists).
/// </summary>
public static class BusPolicy
{
    private static readonly HashSet<string> EventKeys = new(StringComparer.OrdinalIgnoreCase) { "events:source", "events:detail-type" };

    public static bool Allows(JsonObject? policy, PutEventsAuthorization request) =>
        ResourcePolicy.Allows(policy, new PolicyRequest(
            PolicyPrincipal.OfAccount(request.PrincipalAccount),
            PutEventsAuthorization.Action,
            request.BusArn,
            new Dictionary<string, string>
            {
                ["events:source"] = request.Source,
                ["events:detail-type"] = request.DetailType,
                ["aws:PrincipalAccount"] = request.PrincipalAccount,
            }));

    /// <summary>
    /// Whether <paramref name="principal"/> (the rule's account, or its target role) is admitted to put events on
    /// the bus, with conditions on the event's source and detail-type left undecided: they are checked per event.
    /// </summary>
    public static bool Admits(JsonObject? policy, PolicyPrincipal principal, string busArn) =>
        ResourcePolicy.Allows(policy, new PolicyRequest(
            principal,
            PutEventsAuthorization.Action,
            busArn,
            new Dictionary<string, string> { ["aws:PrincipalAccount"] = principal.Account ?? "" },
            EventKeys));
}
