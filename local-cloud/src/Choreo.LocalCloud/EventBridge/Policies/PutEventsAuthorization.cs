namespace Choreo.LocalCloud.EventBridge.Policies;

/// <summary>What a bus policy is asked about one event: who puts it (an account id), on which bus, with which source and detail-type.</summary>
public sealed record PutEventsAuthorization(string PrincipalAccount, string BusArn, string Source, string DetailType)
{
    public const string Action = "events:PutEvents";

    /// <summary>IAM's denial text for a principal of <paramref name="account"/> that no statement of the bus policy admits.</summary>
    public static string NotAuthorized(string account, string busArn) =>
        $"User: arn:aws:iam::{account}:root is not authorized to perform: events:PutEvents on resource: {busArn} because no resource-based policy allows the events:PutEvents action";
}
