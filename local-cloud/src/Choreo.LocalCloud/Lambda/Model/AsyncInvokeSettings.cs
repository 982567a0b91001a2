namespace Choreo.LocalCloud.Lambda.Model;

/// <summary>
/// A function's asynchronous invoke configuration (AWS::Lambda::EventInvokeConfig). Lambda's defaults:
/// 2 retries, events kept 6 hours, no destinations.
/// </summary>
public sealed record AsyncInvokeSettings(
    int MaximumRetryAttempts = 2,
    int MaximumEventAgeInSeconds = 21_600,
    string? OnFailureDestination = null,
    string? OnSuccessDestination = null);
