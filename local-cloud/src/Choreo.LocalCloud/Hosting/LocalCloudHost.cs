using System.Net;
using Choreo.LocalCloud.Accounts;
using Choreo.LocalCloud.Auth;
using Choreo.LocalCloud.CloudFormation.Resources;
using Choreo.LocalCloud.S3.Api;
using Choreo.LocalCloud.S3.CloudFormation;
using Choreo.LocalCloud.S3.Storage;
using Choreo.LocalCloud.Time;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Choreo.LocalCloud.Hosting;

/// <summary>
/// The composition root of one local-cloud instance: owns its clock, accounts, S3 store and the services
/// added to it, and serves them all on one loopback endpoint. Instances share nothing, so several can run in
/// one process. Add services before <see cref="StartAsync"/>.
/// </summary>
public sealed class LocalCloudHost : IAsyncDisposable
{
    private readonly List<IAwsJsonService> _jsonServices = [];
    private readonly List<IRestRoute> _restRoutes = [];
    private readonly List<IResourceProvider> _resourceProviders = [];
    private WebApplication? _app;

    public LocalCloudHost(LocalCloudOptions options)
    {
        Options = options;
        Clock = options.Clock ?? new SystemClock();
        Credentials = new CredentialDirectory(options.AccessKeys, options.KnownAccounts);
        Verifier = new SignatureVerifier(Credentials, Clock);
        ObjectStore = options.StateDirectory is null ? new InMemoryObjectStore(Clock) : new DiskObjectStore(options.StateDirectory, Clock);
        S3 = new S3Endpoint(ObjectStore, Verifier, Clock);
        _resourceProviders.Add(new BucketProvider(ObjectStore, Clock));
        _resourceProviders.Add(new BucketPolicyProvider(ObjectStore));
    }

    public LocalCloudOptions Options { get; }

    public IClock Clock { get; }

    public CredentialDirectory Credentials { get; }

    public SignatureVerifier Verifier { get; }

    public IS3ObjectStore ObjectStore { get; }

    public S3Endpoint S3 { get; }

    public IReadOnlyList<IAwsJsonService> JsonServices => _jsonServices;

    public IReadOnlyList<IRestRoute> RestRoutes => _restRoutes;

    /// <summary>Every CloudFormation resource provider of this instance (S3's, and those added by other services).</summary>
    public IReadOnlyList<IResourceProvider> ResourceProviders => _resourceProviders;

    /// <summary>The endpoint, e.g. <c>http://127.0.0.1:4566</c>; available once started.</summary>
    public Uri BaseUrl => _baseUrl ?? throw new InvalidOperationException("local-cloud is not started");

    private Uri? _baseUrl;

    /// <summary>The names of the services served, for display: JSON target prefixes, REST routes, S3.</summary>
    public IReadOnlyList<string> ServiceNames =>
        [.. _jsonServices.Select(s => $"{s.SigningName} ({s.TargetPrefix})"), .. _restRoutes.Select(r => r.SigningName ?? r.GetType().Name), "s3"];

    public LocalCloudHost AddJsonService(IAwsJsonService service)
    {
        EnsureNotStarted();
        if (_jsonServices.Any(s => s.TargetPrefix == service.TargetPrefix))
        {
            throw new InvalidOperationException($"a JSON service with target prefix {service.TargetPrefix} is already added");
        }

        _jsonServices.Add(service);
        return this;
    }

    public LocalCloudHost AddRestRoute(IRestRoute route)
    {
        EnsureNotStarted();
        _restRoutes.Add(route);
        return this;
    }

    public LocalCloudHost AddResourceProvider(IResourceProvider provider)
    {
        if (_resourceProviders.Any(p => p.ResourceType == provider.ResourceType))
        {
            throw new InvalidOperationException($"a provider for {provider.ResourceType} is already added");
        }

        _resourceProviders.Add(provider);
        return this;
    }

    /// <summary>Starts listening on 127.0.0.1; throws <see cref="PortInUseException"/> if the port is taken.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        EnsureNotStarted();
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, Options.Port);
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = null;
        });
        // The embedding process owns its signals (serve stops on SIGTERM, run cancels); the web host must not.
        builder.Services.AddSingleton<IHostLifetime, EmbeddedHostLifetime>();
        var app = builder.Build();
        var router = new RequestRouter(new AwsJsonEndpoint(_jsonServices, Verifier), _restRoutes, S3, Verifier);
        if (Options.RequestLog is { } requestLog)
        {
            app.Use(new RequestLogging(Credentials, requestLog).InvokeAsync);
        }

        app.Run(router.RouteAsync);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (IOException e) when (e.InnerException is AddressInUseException)
        {
            await app.DisposeAsync();
            throw new PortInUseException(Options.Port, e);
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _baseUrl = new Uri(address);
        _app = app;
    }

    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (_app is null)
        {
            return;
        }

        var app = _app;
        _app = null;
        // Kestrel aborts the connections still open when the token fires, which cancels their RequestAborted.
        using var grace = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        grace.CancelAfter(Options.ShutdownGracePeriod);
        await app.StopAsync(grace.Token);
        await app.DisposeAsync();
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private void EnsureNotStarted()
    {
        if (_app is not null)
        {
            throw new InvalidOperationException("add services to local-cloud before it starts");
        }
    }
}
