namespace Choreo.Worker.Runtime.Lambda;

/// <summary>What Lambda tells a function about one invocation (the Runtime API's response headers).</summary>
public sealed record InvocationContext(
    string RequestId,
    string FunctionArn,
    string FunctionName,
    DateTimeOffset Deadline,
    string? TraceId = null);
