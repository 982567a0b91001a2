namespace Choreo.TestSupport;

/// <summary>Waits for a condition that has no signal of its own, checking it often, for at most a few seconds.</summary>
public static class Eventually
{
    public static async Task TrueAsync(Func<bool> condition, string what, int timeoutMs = 5000)
    {
        var started = TimeProvider.System.GetTimestamp();
        while (!condition())
        {
            if (TimeProvider.System.GetElapsedTime(started) > TimeSpan.FromMilliseconds(timeoutMs))
            {
                throw new TimeoutException($"timed out waiting for {what}");
            }
            await Task.Delay(TimeSpan.FromMilliseconds(5), TimeProvider.System);
        }
    }
}
