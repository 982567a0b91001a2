using Choreo.LocalCloud.Composition;
using Choreo.LocalCloud.Hosting;

namespace Hostile.Tests;

/// <summary>
/// A whole local-cloud (S3, EventBridge, SQS, Step Functions, Lambda) on 127.0.0.1 with a free port, optionally
/// keeping state in a temporary folder, for one test class to attack over the wire.
/// </summary>
public sealed class LocalCloudUnderAttack : IAsyncLifetime
{
    private LocalCloudInstance? _instance;

    public string StateDirectory { get; } = Path.Combine(Path.GetTempPath(), "choreo-hostile-" + Guid.NewGuid().ToString("N"));

    public LocalCloudInstance Instance => _instance ?? throw new InvalidOperationException("local-cloud is not started");

    public Uri BaseUrl => Instance.Host.BaseUrl;

    public async Task InitializeAsync() =>
        _instance = await LocalCloudInstance.StartAsync(new LocalCloudInstanceOptions
        {
            Host = new LocalCloudOptions { Port = 0, StateDirectory = StateDirectory },
        });

    public async Task DisposeAsync()
    {
        if (_instance is not null)
        {
            await _instance.DisposeAsync();
        }

        if (Directory.Exists(StateDirectory))
        {
            Directory.Delete(StateDirectory, recursive: true);
        }
    }
}
