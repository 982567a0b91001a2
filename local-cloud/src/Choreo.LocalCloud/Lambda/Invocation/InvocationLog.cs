using System.Collections.Concurrent;

namespace Choreo.LocalCloud.Lambda.Invocation;

/// <summary>Every invocation attempt and its log lines, kept per request id (what CloudWatch Logs would hold).</summary>
public sealed class InvocationLog
{
    private readonly ConcurrentDictionary<string, InvocationRecord> _byRequest = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<InvocationRecord> _ordered = new();
    private readonly ConcurrentQueue<string> _unattributed = new();

    public InvocationRecord Begin(string requestId, string functionArn, int attempt, DateTimeOffset started, string? eventId)
    {
        var record = new InvocationRecord(requestId, functionArn, attempt, started) { EventId = eventId };
        _byRequest[requestId] = record;
        _ordered.Enqueue(record);
        return record;
    }

    /// <summary>Adds a line a function wrote; lines outside any invocation (start-up) are kept apart.</summary>
    public void Write(string? requestId, string line)
    {
        if (requestId is not null && _byRequest.TryGetValue(requestId, out var record))
        {
            record.Add(line);
        }
        else
        {
            _unattributed.Enqueue(line);
        }
    }

    public IReadOnlyList<InvocationRecord> All => _ordered.ToList();

    public IReadOnlyList<string> Unattributed => _unattributed.ToList();

    /// <summary>The latest attempt of a request (an asynchronous invocation keeps its request id across retries).</summary>
    public InvocationRecord? Find(string requestId) => _byRequest.GetValueOrDefault(requestId);

    /// <summary>Every attempt of a request, first to last.</summary>
    public IReadOnlyList<InvocationRecord> Attempts(string requestId) =>
        _ordered.Where(r => r.RequestId == requestId).OrderBy(r => r.Attempt).ToList();
}
