namespace Choreo.Worker.Runtime.Events;

/// <summary>
/// How the PutEvents client retries, the way the AWS SDKs' standard mode does: a bounded number of attempts,
/// each retry after an exponential backoff with full jitter (a random delay between zero and
/// <c>min(MaxDelay, BaseDelay × 2^retry)</c>), so throttled callers spread out instead of retrying in step.
/// </summary>
public sealed record PutEventsRetryPolicy
{
    public const int MaxAllowedAttempts = 20;

    public static PutEventsRetryPolicy Default { get; } = new();

    /// <summary>Every attempt, the first included (the SDKs' standard mode uses 3).</summary>
    public int MaxAttempts { get; init; } = 3;

    /// <summary>The backoff ceiling of the first retry; it doubles with each further retry.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>No single wait is longer than this (the SDKs cap at 20 s).</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>The wait before retry number <paramref name="retry"/> (1 = the first retry); <paramref name="jitter"/> is in [0, 1).</summary>
    public TimeSpan DelayBefore(int retry, double jitter)
    {
        var ceiling = Math.Min(MaxDelay.TotalMilliseconds, BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(retry - 1, 30)));
        return TimeSpan.FromMilliseconds(ceiling * Math.Clamp(jitter, 0, 1));
    }

    /// <summary>Throws when the policy could not be followed: attempts outside 1..20, negative or inverted delays.</summary>
    public void Validate()
    {
        if (MaxAttempts is < 1 or > MaxAllowedAttempts)
        {
            throw new ArgumentException($"PutEventsRetryPolicy: MaxAttempts is {MaxAttempts}; it must be 1 to {MaxAllowedAttempts} (the first attempt included).");
        }
        if (BaseDelay < TimeSpan.Zero || MaxDelay < BaseDelay)
        {
            throw new ArgumentException($"PutEventsRetryPolicy: BaseDelay ({BaseDelay}) must be at least zero and at most MaxDelay ({MaxDelay}).");
        }
    }
}
