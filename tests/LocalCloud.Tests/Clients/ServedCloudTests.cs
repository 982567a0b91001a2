using Choreo.LocalCloud.Composition;
using Choreo.LocalCloud.Hosting;

namespace LocalCloud.Tests.Clients;

/// <summary>A whole local-cloud on a free loopback port per test, and the AWS CLI and boto3 pointed at it.</summary>
public abstract class ServedCloudTests : IAsyncLifetime
{
    protected LocalCloudInstance Cloud { get; private set; } = null!;

    protected AwsCommandLine Clients { get; private set; } = null!;

    protected virtual LocalCloudOptions HostOptions => new() { Port = 0 };

    protected virtual string Account => "111111111111";

    public async Task InitializeAsync()
    {
        Cloud = await LocalCloudInstance.StartAsync(new LocalCloudInstanceOptions { Host = HostOptions });
        Clients = new AwsCommandLine(Cloud.Host.BaseUrl, Account);
    }

    public async Task DisposeAsync() => await Cloud.DisposeAsync();
}
