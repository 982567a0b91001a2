using Amazon.Runtime;

namespace Choreo.Worker.Runtime.Events;

/// <summary>Where and as whom to call EventBridge.</summary>
public sealed record EventBridgeConnection(Uri Endpoint, string Region, AWSCredentials Credentials)
{
    /// <summary>
    /// The endpoint as the AWS SDKs choose it: the service-specific override, then the global one, then the
    /// regional public endpoint.
    /// </summary>
    public static Uri EndpointFor(string region, string? eventsEndpointUrl, string? endpointUrl)
    {
        var configured = !string.IsNullOrWhiteSpace(eventsEndpointUrl) ? eventsEndpointUrl : endpointUrl;
        return !string.IsNullOrWhiteSpace(configured)
            ? new Uri(configured, UriKind.Absolute)
            : new Uri($"https://events.{region}.amazonaws.com/");
    }
}
