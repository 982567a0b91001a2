using Choreo.LocalCloud.Accounts;

namespace Choreo.LocalCloud.Sqs.Model;

/// <summary>A queue of one account and region, with the messages it still holds (in send order).</summary>
public sealed class SqsQueue(AccountContext owner, string name, string url, DateTimeOffset createdAt, IReadOnlyDictionary<string, string> attributes)
{
    public AccountContext Owner { get; } = owner;
    public string Name { get; } = name;
    public string Url { get; } = url;
    public string Arn { get; } = $"arn:aws:sqs:{owner.Region}:{owner.AccountId}:{name}";
    public DateTimeOffset CreatedAt { get; } = createdAt;

    /// <summary>Attributes given at creation (VisibilityTimeout, MessageRetentionPeriod, ...), as strings like the API.</summary>
    public IReadOnlyDictionary<string, string> Attributes { get; } = attributes;

    /// <summary>The queue policy (from CreateQueue, SetQueueAttributes or <c>AWS::SQS::QueuePolicy</c>), validated when set
    /// and enforced on every API call; EventBridge's own deliveries (dead letters, targets) do not consult it.</summary>
    public string? Policy { get; internal set; }

    internal List<SqsMessage> Messages { get; } = [];

    public TimeSpan DefaultVisibilityTimeout =>
        Attributes.TryGetValue("VisibilityTimeout", out var text) && int.TryParse(text, out var seconds)
            ? TimeSpan.FromSeconds(seconds)
            : TimeSpan.FromSeconds(30);
}
