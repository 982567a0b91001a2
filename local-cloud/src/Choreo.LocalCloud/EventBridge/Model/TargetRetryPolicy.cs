namespace Choreo.LocalCloud.EventBridge.Model;

/// <summary>A target's RetryPolicy: how many retries after the first attempt, and how old an event may get while retried.</summary>
public sealed record TargetRetryPolicy(int MaximumRetryAttempts, int MaximumEventAgeInSeconds)
{
    public const int MaxAttempts = 185;
    public const int MinEventAgeSeconds = 60;
    public const int MaxEventAgeSeconds = 86400;

    public static TargetRetryPolicy Default { get; } = new(MaxAttempts, MaxEventAgeSeconds);
}
