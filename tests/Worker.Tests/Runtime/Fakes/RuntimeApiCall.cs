namespace Worker.Tests.Runtime.Fakes;

/// <summary>A call the runtime made to the fake Runtime API: response, invocation error or init error.</summary>
public sealed record RuntimeApiCall(string Kind, string? RequestId, string Body, string? ErrorTypeHeader, string? ContentType);
