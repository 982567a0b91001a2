namespace Choreo.LocalCloud.Lambda.Invocation;

/// <summary>An event queued for a function, with when it arrived (its age limits its retries).</summary>
internal sealed record AsyncInvocation(string FunctionArn, string Payload, string RequestId, DateTimeOffset Received, IDisposable? Activity);
