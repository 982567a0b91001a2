namespace Worker.Tests.Runtime.Fakes;

/// <summary>A clock stopped at one instant, so signatures are reproducible.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
