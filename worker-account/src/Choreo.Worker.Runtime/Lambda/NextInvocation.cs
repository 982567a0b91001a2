namespace Choreo.Worker.Runtime.Lambda;

/// <summary>An event handed out by <c>GET /runtime/invocation/next</c>, with the context from its headers.</summary>
public sealed record NextInvocation(InvocationContext Context, string Payload);
