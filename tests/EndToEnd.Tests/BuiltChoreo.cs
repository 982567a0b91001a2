using Choreo.Cli.Build;

namespace EndToEnd.Tests;

/// <summary>
/// The worker bootstrap published and the CDK app synthesized, once per test run (and cached under
/// .choreo/ by a hash of their sources, shared with <c>choreo run</c>).
/// </summary>
public sealed class BuiltChoreo : IAsyncLifetime
{
    public RepositoryLayout Repository { get; } = RepositoryLayout.Find(AppContext.BaseDirectory);
    public string BootstrapDirectory { get; private set; } = string.Empty;
    public string CloudAssemblyDirectory { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        BootstrapDirectory = await BootstrapBuild.EnsureAsync(Repository, _ => { }, CancellationToken.None);
        CloudAssemblyDirectory = await CdkSynthesis.EnsureAsync(Repository, BootstrapDirectory, mapMaxConcurrency: 2, _ => { }, CancellationToken.None);
    }

    public Task DisposeAsync() => Task.CompletedTask;
}
