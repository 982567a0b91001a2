namespace Choreo.LocalCloud.Services;

/// <summary>The outcome of an invoke: for <see cref="LambdaInvocationType.Event"/>, 202 and no payload.</summary>
public sealed record LambdaInvokeResult(int StatusCode, string? Payload, string? FunctionError);
