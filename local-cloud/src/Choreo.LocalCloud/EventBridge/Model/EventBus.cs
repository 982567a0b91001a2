using System.Text.Json.Nodes;
using Choreo.LocalCloud.Accounts;

namespace Choreo.LocalCloud.EventBridge.Model;

/// <summary>An event bus of one account and region: its resource policy and its rules.</summary>
public sealed class EventBus(AccountContext owner, string name, string? description, DateTimeOffset createdAt)
{
    public AccountContext Owner { get; } = owner;
    public string Name { get; } = name;
    public string Arn { get; } = EventBridgeArn.Bus(owner, name);
    public string? Description { get; } = description;
    public DateTimeOffset CreatedAt { get; } = createdAt;
    public DateTimeOffset LastModifiedAt { get; internal set; } = createdAt;

    /// <summary>The resource policy (<c>{"Version", "Statement": [...]}</c>), or null when none is set.</summary>
    public JsonObject? Policy { get; internal set; }

    internal Dictionary<string, EventRule> Rules { get; } = [];
}
