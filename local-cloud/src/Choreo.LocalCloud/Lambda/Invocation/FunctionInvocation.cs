using Choreo.LocalCloud.Services;

namespace Choreo.LocalCloud.Lambda.Invocation;

/// <summary>An invoke's result with the request id Lambda gave it (the Invoke API returns it as <c>x-amzn-RequestId</c>).</summary>
public sealed record FunctionInvocation(string RequestId, LambdaInvokeResult Result);
