namespace Choreo.LocalCloud.EventBridge.Policies;

/// <summary>What a bus policy is asked about one event: who puts it (an account id), on which bus, with which source and detail-type.</summary>
public sealed record PutEventsAuthorization(string PrincipalAccount, string BusArn, string Source, string DetailType)
{
    public const string Action = "events:PutEvents";
}
