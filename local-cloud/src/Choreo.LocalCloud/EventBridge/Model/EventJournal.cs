namespace Choreo.LocalCloud.EventBridge.Model;

/// <summary>
/// Every event every bus accepted, in order: with the delivery log it answers "what happened to this
/// execution's events across accounts" (<c>choreo trace</c>), which CloudWatch would otherwise hold.
/// </summary>
public sealed class EventJournal : AppendOnlyLog<JournalEntry>;
