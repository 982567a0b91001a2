namespace Worker.Tests.Runtime.Fakes;

/// <summary>An event the fake Runtime API hands out on the next <c>GET /next</c>.</summary>
public sealed record PendingInvocation(string RequestId, string Payload, DateTimeOffset Deadline, string FunctionArn, string TraceId);
