using Microsoft.Extensions.Hosting;

namespace Choreo.LocalCloud.Hosting;

/// <summary>
/// The web host's lifetime inside a process that embeds local-cloud: it starts and stops when told to and listens
/// to no signals. (The default console lifetime takes SIGTERM and Ctrl-C for itself and stops the endpoint behind
/// the embedding command's back.)
/// </summary>
internal sealed class EmbeddedHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
