namespace Choreo.Worker.Functions.Hosting;

/// <summary>
/// What the host of a function may replace: where its log lines go (stdout by default), its clock, and the
/// HTTP transport of the EventBridge client and the profile fetcher (the local emulator and tests use these),
/// and how PutEvents retries.
/// </summary>
public sealed record FunctionHostOptions(TextWriter? LogOutput = null, TimeProvider? Clock = null, HttpMessageHandler? HttpTransport = null)
{
    /// <summary>Attempts and backoff of the EventBridge client; the SDK-like default when null.</summary>
    public Choreo.Worker.Runtime.Events.PutEventsRetryPolicy? PutEventsRetry { get; init; }
}
