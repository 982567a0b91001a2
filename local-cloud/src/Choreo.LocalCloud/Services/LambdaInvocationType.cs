namespace Choreo.LocalCloud.Services;

/// <summary>How a function is invoked: EventBridge targets use <see cref="Event"/> (asynchronous).</summary>
public enum LambdaInvocationType
{
    RequestResponse,
    Event,
}
