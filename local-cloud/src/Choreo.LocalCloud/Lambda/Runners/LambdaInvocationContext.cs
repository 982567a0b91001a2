namespace Choreo.LocalCloud.Lambda.Runners;

/// <summary>What the runtime tells a handler about one invocation (the Runtime API's headers).</summary>
public sealed record LambdaInvocationContext(string RequestId, string FunctionArn, string FunctionName, DateTimeOffset Deadline, string TraceId);
