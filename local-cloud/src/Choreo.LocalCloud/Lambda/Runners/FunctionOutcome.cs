namespace Choreo.LocalCloud.Lambda.Runners;

/// <summary>The end of one invocation: a response payload, or an error.</summary>
public sealed record FunctionOutcome(string? Payload, FunctionError? Error)
{
    public bool Succeeded => Error is null;

    public static FunctionOutcome Success(string? payload) => new(payload, null);

    public static FunctionOutcome Failure(string errorType, string errorMessage) => new(null, new FunctionError(errorType, errorMessage));
}
