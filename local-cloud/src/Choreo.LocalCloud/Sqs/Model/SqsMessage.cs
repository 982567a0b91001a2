namespace Choreo.LocalCloud.Sqs.Model;

/// <summary>
/// A message in a queue. Receiving hides it until <see cref="InvisibleUntil"/> and gives it a new receipt handle;
/// deleting with the current handle removes it.
/// </summary>
public sealed class SqsMessage(string messageId, string body, IReadOnlyDictionary<string, MessageAttribute> attributes, DateTimeOffset sentAt)
{
    public string MessageId { get; } = messageId;
    public string Body { get; } = body;
    public IReadOnlyDictionary<string, MessageAttribute> Attributes { get; } = attributes;
    public DateTimeOffset SentAt { get; } = sentAt;
    public DateTimeOffset InvisibleUntil { get; internal set; } = sentAt;
    public string? ReceiptHandle { get; internal set; }
    public int ReceiveCount { get; internal set; }
    public DateTimeOffset? FirstReceivedAt { get; internal set; }
}
