using Choreo.Contracts;

namespace Choreo.Worker.Functions.Configuration;

/// <summary>
/// Everything a worker function reads from its environment, read once at the edge (the bootstrap or the
/// local emulator); handlers get what they need through their constructors and never read the environment.
/// </summary>
public sealed record WorkerConfiguration(
    string FunctionName,
    string Region,
    string EventBus,
    string EventSource,
    string? Bucket,
    string? EndpointUrl,
    string? EventsEndpointUrl,
    string? S3EndpointUrl,
    string? AccessKeyId,
    string? SecretAccessKey,
    string? SessionToken)
{
    /// <summary>Reads the configuration; a missing required variable fails with one line naming it.</summary>
    public static WorkerConfiguration FromEnvironment(string handlerName, IReadOnlyDictionary<string, string> environment)
    {
        string? Get(string name) => environment.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;
        string Require(string name, string why) =>
            Get(name) ?? throw new InvalidOperationException($"Worker configuration: {name} is not set for handler '{handlerName}' ({why})");

        var bucket = Get("BUCKET");
        if (bucket is null && HandlerNames.UsingBucket.Contains(handlerName))
        {
            Require("BUCKET", "the bucket this handler reads and writes");
        }
        return new WorkerConfiguration(
            FunctionName: Get("AWS_LAMBDA_FUNCTION_NAME") ?? handlerName,
            Region: Get("AWS_REGION") ?? Require("AWS_DEFAULT_REGION", "AWS_REGION or AWS_DEFAULT_REGION names the region"),
            EventBus: Require("EVENT_BUS", "the bus name or ARN the function puts its events on"),
            EventSource: Get("EVENT_SOURCE") ?? Sources.Worker,
            Bucket: bucket,
            EndpointUrl: Get("AWS_ENDPOINT_URL"),
            EventsEndpointUrl: Get("AWS_ENDPOINT_URL_EVENTS"),
            S3EndpointUrl: Get("AWS_ENDPOINT_URL_S3"),
            AccessKeyId: Get("AWS_ACCESS_KEY_ID"),
            SecretAccessKey: Get("AWS_SECRET_ACCESS_KEY"),
            SessionToken: Get("AWS_SESSION_TOKEN"));
    }

    /// <summary>The S3 endpoint override, if any (the service-specific one first, as the SDKs do).</summary>
    public string? S3Endpoint => S3EndpointUrl ?? EndpointUrl;
}
