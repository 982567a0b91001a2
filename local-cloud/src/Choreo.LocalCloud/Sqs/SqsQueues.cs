using System.Text.RegularExpressions;
using Choreo.LocalCloud.Accounts;
using Choreo.LocalCloud.Hosting;
using Choreo.LocalCloud.Policies;
using Choreo.LocalCloud.Sqs.Model;
using Choreo.LocalCloud.Time;

namespace Choreo.LocalCloud.Sqs;

/// <summary>
/// Every queue of every account and region of one local-cloud instance, and the operations on them.
/// Queue URLs are <c>{endpoint}/{account}/{name}</c>; the region of a URL is the caller's. The endpoint is
/// read when a queue is created, so it may be a port chosen when the host starts.
/// </summary>
public sealed partial class SqsQueues(IClock clock, Func<Uri> endpoint)
{
    public const int MaxMessageBytes = 256 * 1024;

    private readonly Dictionary<(string Account, string Region, string Name), SqsQueue> _queues = [];
    private readonly Lock _gate = new();

    public SqsQueue CreateQueue(AccountContext owner, string name, IReadOnlyDictionary<string, string>? attributes = null)
    {
        if (!QueueNamePattern().IsMatch(name))
        {
            throw new AwsServiceException("InvalidParameterValue",
                $"Can only include alphanumeric characters, hyphens, or underscores. 1 to 80 in length (queue name '{name}').");
        }
        if (name.EndsWith(".fifo", StringComparison.Ordinal))
        {
            throw new AwsServiceException("InvalidParameterValue", $"FIFO queues are not supported by local-cloud (queue '{name}').");
        }
        var given = attributes ?? new Dictionary<string, string>();
        if (given.TryGetValue("Policy", out var policy) && policy.Length > 0)
        {
            ValidatePolicy(policy);
        }

        lock (_gate)
        {
            if (_queues.TryGetValue((owner.AccountId, owner.Region, name), out var existing))
            {
                var differing = given.FirstOrDefault(pair => !existing.Attributes.TryGetValue(pair.Key, out var value) || value != pair.Value);
                if (differing.Key is not null)
                {
                    throw new AwsServiceException("QueueAlreadyExists",
                        $"A queue already exists with the same name and a different value for attribute {differing.Key}");
                }
                return existing;
            }
            var url = $"{endpoint().ToString().TrimEnd('/')}/{owner.AccountId}/{name}";
            var queue = new SqsQueue(owner, name, url, clock.UtcNow, new Dictionary<string, string>(given.Where(pair => pair.Key != "Policy")))
            {
                Policy = given.GetValueOrDefault("Policy") is { Length: > 0 } text ? text : null,
            };
            _queues[(owner.AccountId, owner.Region, name)] = queue;
            return queue;
        }
    }

    public IReadOnlyList<SqsQueue> ListQueues(AccountContext owner)
    {
        lock (_gate)
        {
            return _queues.Values
                .Where(queue => queue.Owner == owner)
                .OrderBy(queue => queue.Name, StringComparer.Ordinal)
                .ToList();
        }
    }

    public SqsQueue GetByName(AccountContext owner, string name) =>
        Find(owner.AccountId, owner.Region, name) ?? throw QueueDoesNotExist();

    /// <summary>Resolves a queue URL as sent by a caller: the account and name come from its path.</summary>
    public SqsQueue GetByUrl(AccountContext caller, string queueUrl)
    {
        var segments = Uri.TryCreate(queueUrl, UriKind.Absolute, out var uri)
            ? uri.AbsolutePath.Trim('/').Split('/')
            : queueUrl.Trim('/').Split('/');
        if (segments.Length < 2)
        {
            throw QueueDoesNotExist();
        }
        return Find(segments[^2], caller.Region, segments[^1]) ?? throw QueueDoesNotExist();
    }

    public SqsQueue? FindByArn(string queueArn)
    {
        return Arn.TryParse(queueArn, out var arn) && arn.Service == "sqs" && !arn.Resource.Contains(':', StringComparison.Ordinal)
            ? Find(arn.Account, arn.Region, arn.Resource)
            : null;
    }

    public SqsMessage SendMessage(SqsQueue queue, string body, IReadOnlyDictionary<string, MessageAttribute>? attributes = null, TimeSpan delay = default)
    {
        if (body.Length == 0)
        {
            throw new AwsServiceException("MissingParameter", "The request must contain the parameter MessageBody.");
        }
        var size = System.Text.Encoding.UTF8.GetByteCount(body);
        if (size > MaxMessageBytes)
        {
            throw new AwsServiceException("InvalidParameterValue",
                $"One or more parameters are invalid. Reason: Message must be shorter than {MaxMessageBytes} bytes (queue '{queue.Name}' got {size}).");
        }
        var now = clock.UtcNow;
        var message = new SqsMessage(Guid.NewGuid().ToString(), body, attributes ?? new Dictionary<string, MessageAttribute>(), now)
        {
            InvisibleUntil = now + delay,
        };
        lock (_gate)
        {
            queue.Messages.Add(message);
        }
        return message;
    }

    /// <summary>Receives up to <paramref name="maxMessages"/> visible messages and hides them for the visibility timeout.</summary>
    public IReadOnlyList<SqsMessage> ReceiveMessages(SqsQueue queue, int maxMessages, TimeSpan? visibilityTimeout)
    {
        var now = clock.UtcNow;
        var hideFor = visibilityTimeout ?? queue.DefaultVisibilityTimeout;
        lock (_gate)
        {
            var received = queue.Messages.Where(message => message.InvisibleUntil <= now).Take(maxMessages).ToList();
            foreach (var message in received)
            {
                message.InvisibleUntil = now + hideFor;
                message.ReceiptHandle = $"{message.MessageId}#{Guid.NewGuid():N}";
                message.ReceiveCount++;
                message.FirstReceivedAt ??= now;
            }
            return received;
        }
    }

    public void DeleteMessage(SqsQueue queue, string receiptHandle)
    {
        lock (_gate)
        {
            var index = queue.Messages.FindIndex(message => message.ReceiptHandle == receiptHandle);
            if (index < 0)
            {
                throw new AwsServiceException("ReceiptHandleIsInvalid",
                    $"The input receipt handle \"{receiptHandle}\" is not a valid receipt handle.");
            }
            queue.Messages.RemoveAt(index);
        }
    }

    /// <summary>PurgeQueue: every message goes, visible or in flight.</summary>
    public void Purge(SqsQueue queue)
    {
        lock (_gate)
        {
            queue.Messages.Clear();
        }
    }

    /// <summary>DeleteQueue: the queue and its messages go; its URL then answers QueueDoesNotExist.</summary>
    public void Delete(SqsQueue queue)
    {
        lock (_gate)
        {
            _queues.Remove((queue.Owner.AccountId, queue.Owner.Region, queue.Name));
            queue.Messages.Clear();
        }
    }

    /// <summary>Every message the queue still holds, visible or not, in send order (for tests and <c>choreo trace</c>).</summary>
    public IReadOnlyList<SqsMessage> Messages(SqsQueue queue)
    {
        lock (_gate)
        {
            return queue.Messages.ToList();
        }
    }

    public (int Visible, int NotVisible) Count(SqsQueue queue)
    {
        var now = clock.UtcNow;
        lock (_gate)
        {
            var visible = queue.Messages.Count(message => message.InvisibleUntil <= now);
            return (visible, queue.Messages.Count - visible);
        }
    }

    /// <summary>SQS's limit on a queue policy document.</summary>
    public const int MaxPolicyBytes = 20480;

    /// <summary>Validates and sets the queue policy (an empty text removes it); a malformed one is refused as SQS refuses it.</summary>
    public void SetPolicy(SqsQueue queue, string policy)
    {
        if (policy.Length > 0)
        {
            ValidatePolicy(policy);
        }

        lock (_gate)
        {
            queue.Policy = policy.Length > 0 ? policy : null;
        }
    }

    /// <summary>
    /// Checks that <paramref name="caller"/> may perform <paramref name="action"/> (e.g. <c>sqs:SendMessage</c>) on the
    /// queue, as SQS does: the owner's account unless the queue policy explicitly denies it, another account only
    /// where the queue policy allows it. Throws SQS's AccessDenied.
    /// </summary>
    public void Authorize(SqsQueue queue, AccountContext caller, string action)
    {
        var decision = ResourcePolicy.ParseStored(queue.Policy, requireResource: false)
            ?.Evaluate(new PolicyRequest(caller.AccountId, action, queue.Arn)) ?? PolicyEffect.NotApplicable;
        var allowed = decision switch
        {
            PolicyEffect.Deny => false,
            PolicyEffect.Allow => true,
            _ => caller.AccountId == queue.Owner.AccountId,
        };
        if (!allowed)
        {
            throw new AwsServiceException("AccessDenied", $"Access to the resource {queue.Url} is denied.", 403);
        }
    }

    private static void ValidatePolicy(string policy)
    {
        try
        {
            ResourcePolicy.Parse(policy, MaxPolicyBytes, requireResource: false);
        }
        catch (MalformedPolicyException e)
        {
            throw new AwsServiceException("InvalidAttributeValue", $"Invalid value for the parameter Policy. Reason: {e.Message}");
        }
    }

    private SqsQueue? Find(string account, string region, string name)
    {
        lock (_gate)
        {
            return _queues.GetValueOrDefault((account, region, name));
        }
    }

    internal static AwsServiceException QueueDoesNotExist() =>
        new("QueueDoesNotExist", "The specified queue does not exist.");

    [GeneratedRegex("^[A-Za-z0-9_-]{1,80}(\\.fifo)?$", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, matchTimeoutMilliseconds: RequestRegex.TimeoutMilliseconds)]
    private static partial Regex QueueNamePattern();
}
