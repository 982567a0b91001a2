namespace Choreo.LocalCloud.Lambda.Runners;

/// <summary>An invocation that failed: Lambda's <c>errorType</c> and <c>errorMessage</c>.</summary>
public sealed record FunctionError(string ErrorType, string ErrorMessage);
