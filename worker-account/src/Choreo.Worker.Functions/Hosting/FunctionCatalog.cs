using Amazon.Runtime;
using Amazon.Runtime.Credentials;
using Amazon.S3;
using Choreo.Contracts.Wire;
using Choreo.Worker.Functions.Configuration;
using Choreo.Worker.Functions.Handlers;
using Choreo.Worker.Functions.Profiles;
using Choreo.Worker.Functions.Publishing;
using Choreo.Worker.Functions.Storage;
using Choreo.Worker.Runtime.Events;
using Choreo.Worker.Runtime.Lambda;
using Choreo.Worker.Runtime.Logging;

namespace Choreo.Worker.Functions.Hosting;

/// <summary>
/// Builds the function a <c>_HANDLER</c> value names, from that function's environment. The bootstrap and the
/// local emulator both come through here, so a handler runs the same code in-process and on Lambda.
/// </summary>
public static class FunctionCatalog
{
    /// <exception cref="ArgumentException">The handler name is not one of <see cref="HandlerNames.All"/>.</exception>
    /// <exception cref="InvalidOperationException">A variable the handler needs is missing.</exception>
    public static HostedFunction Create(string handlerName, IReadOnlyDictionary<string, string> environment, FunctionHostOptions? options = null)
    {
        if (!HandlerNames.All.Contains(handlerName))
        {
            throw new ArgumentException($"Unknown handler '{handlerName}' (_HANDLER); known: {string.Join(", ", HandlerNames.All)}");
        }
        options ??= new FunctionHostOptions();
        var configuration = WorkerConfiguration.FromEnvironment(handlerName, environment);
        var clock = options.Clock ?? TimeProvider.System;
        var log = new JsonLineLogger(options.LogOutput ?? Console.Out, configuration.FunctionName, clock);
        var owned = new List<IDisposable>();

        var http = options.HttpTransport is { } transport ? new HttpClient(transport, disposeHandler: false) : new HttpClient();
        owned.Add(http);
        var s3Config = WorkerS3Client.ConfigFor(configuration.Region, configuration.S3Endpoint);
        var credentials = CredentialsFor(configuration, s3Config);
        var publisher = new EventBridgePutEventsClient(
            http,
            new EventBridgeConnection(
                EventBridgeConnection.EndpointFor(configuration.Region, configuration.EventsEndpointUrl, configuration.EndpointUrl),
                configuration.Region,
                credentials),
            clock,
            options.PutEventsRetry);
        var events = new WorkerEvents(publisher, configuration.EventBus, configuration.EventSource);
        var failures = new TaskFailureReporter(events, log);
        var profiles = new ProfileReader(new HttpProfileFetcher(http));

        IObjectStore Store()
        {
            var s3 = new AmazonS3Client(credentials, s3Config);
            owned.Add(s3);
            return WorkerS3Client.StoreFor(s3, configuration.Bucket!, configuration.S3Endpoint, clock);
        }

        IFunctionHandler handler = handlerName switch
        {
            HandlerNames.GetMultiple => new TaskFunction<Contracts.Details.GetUsers>(
                new GetMultiple(events, log), ContractsJsonContext.Default.EventEnvelopeGetUsers, failures, log),
            HandlerNames.ProcessSingle => new TaskFunction<Contracts.Details.GetUserProfile>(
                new ProcessSingle(Store(), events, log), ContractsJsonContext.Default.EventEnvelopeGetUserProfile, failures, log),
            HandlerNames.PostProcessSingle => new TaskFunction<Contracts.Details.GetUserCookies>(
                new PostProcessSingle(profiles, Store(), events, log), ContractsJsonContext.Default.EventEnvelopeGetUserCookies, failures, log),
            HandlerNames.SideEffect => new AsyncFunction<Contracts.Details.GetUserCookies>(
                new SideEffect(profiles, events, log), ContractsJsonContext.Default.EventEnvelopeGetUserCookies, log),
            HandlerNames.PostProcessAll => new TaskFunction<Contracts.Details.GenerateReport>(
                new PostProcessAll(Store(), events, log), ContractsJsonContext.Default.EventEnvelopeGenerateReport, failures, log),
            _ => new FailureRelay(failures, log),
        };
        return new HostedFunction(handlerName, configuration, log, handler, owned);
    }

    private static AWSCredentials CredentialsFor(WorkerConfiguration configuration, IClientConfig clientConfig) =>
        (configuration.AccessKeyId, configuration.SecretAccessKey, configuration.SessionToken) switch
        {
            ({ } id, { } secret, { } token) => new SessionAWSCredentials(id, secret, token),
            ({ } id, { } secret, null) => new BasicAWSCredentials(id, secret),
            // No keys in this function's environment: the SDK's chain (profile, container, instance role).
            _ => new DefaultAWSCredentialsIdentityResolver().ResolveIdentity(clientConfig),
        };
}
