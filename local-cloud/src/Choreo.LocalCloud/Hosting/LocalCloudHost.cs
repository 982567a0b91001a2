using System.Net;
using Choreo.LocalCloud.Auth;
using Choreo.LocalCloud.S3.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Choreo.LocalCloud.Hosting;

/// <summary>
/// The loopback endpoint of one local-cloud instance: routes each request to the JSON service, REST route or S3
/// endpoint it names, on one port. It builds none of them: the composition root
/// (<c>Composition/LocalCloudInstance</c>) wires every service and adds it here before <see cref="StartAsync"/>.
/// </summary>
public sealed class LocalCloudHost : IAsyncDisposable
{
    private readonly List<IAwsJsonService> _jsonServices = [];
    private readonly List<IRestRoute> _restRoutes = [];
    private readonly SignatureVerifier _verifier;
    private readonly S3Endpoint _s3;
    private WebApplication? _app;

    /// <param name="s3">S3 answers every request no JSON service or REST route claims (paths and bucket virtual hosts).</param>
    public LocalCloudHost(LocalCloudOptions options, SignatureVerifier verifier, S3Endpoint s3)
    {
        Options = options;
        _verifier = verifier;
        _s3 = s3;
    }

    public LocalCloudOptions Options { get; }

    public IReadOnlyList<IAwsJsonService> JsonServices => _jsonServices;

    public IReadOnlyList<IRestRoute> RestRoutes => _restRoutes;

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
        var router = new RequestRouter(new AwsJsonEndpoint(_jsonServices, _verifier), _restRoutes, _s3, _verifier);
        if (Options.RequestLog is { } requestLog)
        {
            app.Use(new RequestLogging(_verifier.Credentials, requestLog).InvokeAsync);
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
