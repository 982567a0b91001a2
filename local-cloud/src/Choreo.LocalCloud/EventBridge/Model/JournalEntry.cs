namespace Choreo.LocalCloud.EventBridge.Model;

/// <summary>An event a bus accepted, with how many rules matched it (0 means nobody will see it).</summary>
public sealed record JournalEntry(string BusArn, IngestedEvent Event, int MatchedRules, DateTimeOffset Time);
