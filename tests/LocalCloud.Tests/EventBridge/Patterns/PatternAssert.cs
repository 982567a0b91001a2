using Choreo.LocalCloud.EventBridge.Patterns;

namespace LocalCloud.Tests.EventBridge.Patterns;

internal static class PatternAssert
{
    public static void Matches(string pattern, string @event) =>
        Assert.True(EventPattern.Parse(pattern).Matches(@event), $"{pattern} should match {@event}");

    public static void DoesNotMatch(string pattern, string @event) =>
        Assert.False(EventPattern.Parse(pattern).Matches(@event), $"{pattern} should not match {@event}");

    public static void Rejected(string pattern, string reason)
    {
        var error = Assert.Throws<InvalidEventPatternException>(() => EventPattern.Parse(pattern));
        Assert.Equal("InvalidEventPatternException", error.ErrorCode);
        Assert.Equal(400, error.StatusCode);
        Assert.Equal("Event pattern is not valid. Reason: " + reason, error.Message);
    }
}
