using Choreo.LocalCloud.Lambda.Runners;

namespace Choreo.LocalCloud.Lambda.Invocation;

/// <summary>One attempt of one invocation, with the log lines the function wrote under its request id.</summary>
public sealed class InvocationRecord(string requestId, string functionArn, int attempt, DateTimeOffset started)
{
    private readonly List<string> _lines = [];

    public string RequestId { get; } = requestId;
    public string FunctionArn { get; } = functionArn;
    public int Attempt { get; } = attempt;
    public DateTimeOffset Started { get; } = started;
    public DateTimeOffset? Ended { get; private set; }
    public FunctionError? Error { get; private set; }
    public string? EventId { get; init; }

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lines)
            {
                return _lines.ToList();
            }
        }
    }

    internal void Add(string line)
    {
        lock (_lines)
        {
            _lines.Add(line);
        }
    }

    internal void End(DateTimeOffset ended, FunctionError? error)
    {
        Ended = ended;
        Error = error;
    }
}
