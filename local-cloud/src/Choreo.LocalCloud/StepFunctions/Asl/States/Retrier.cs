namespace Choreo.LocalCloud.StepFunctions.Asl.States;

/// <summary>One Retry entry. Defaults are AWS's: 1 s, 3 attempts, backoff 2.0, no cap, no jitter.</summary>
public sealed record Retrier(
    IReadOnlyList<string> ErrorEquals,
    double IntervalSeconds = 1,
    int MaxAttempts = 3,
    double BackoffRate = 2.0,
    double? MaxDelaySeconds = null,
    bool FullJitter = false)
{
    /// <summary>The wait before retry number <paramref name="attempt"/> (1-based).</summary>
    public TimeSpan DelayBefore(int attempt, Random random)
    {
        var seconds = IntervalSeconds * Math.Pow(BackoffRate, attempt - 1);
        if (MaxDelaySeconds is double cap && seconds > cap)
        {
            seconds = cap;
        }

        if (FullJitter)
        {
            seconds = random.NextDouble() * seconds;
        }

        return TimeSpan.FromSeconds(seconds);
    }
}
